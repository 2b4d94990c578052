import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface MachineState {
  readonly load1: number;
  readonly cores: number;
  /** Share of the last 60 s in which some runnable task waited for a CPU (PSI), if known. */
  readonly cpuPressure60: number | null;
}

/** How busy the shared machine was when a benchmark started: RESULTS.md records it. */
export async function machineState(): Promise<MachineState> {
  const pressure = await readFile('/proc/pressure/cpu', 'utf8').catch(() => '');
  const avg60 = /^some .*avg60=([\d.]+)/m.exec(pressure)?.[1];
  return {
    load1: loadavg()[0] ?? Number.NaN,
    cores: cpus().length,
    cpuPressure60: avg60 === undefined ? null : Number(avg60),
  };
}

/** `git rev-parse --short HEAD`, marked when the working tree has changes on top of it. */
export async function revision(): Promise<string> {
  const { stdout: head } = await run('git', ['rev-parse', '--short', 'HEAD']);
  const { stdout: status } = await run('git', ['status', '--porcelain']);
  return `${head.trim()}${status.trim() ? ' (with uncommitted changes)' : ''}`;
}
