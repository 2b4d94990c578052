import { cpus } from 'node:os';
import { cpuSeconds, machineCpuSeconds, stackPid, type StackPiece, treeCpuCounter } from './proc';

/** Something whose cumulative CPU seconds can be read twice. */
export interface CpuSource {
  readonly name: string;
  read(): Promise<number>;
}

export interface CpuShare {
  readonly name: string;
  /** CPU seconds used per wall second: 1.0 is one core kept busy. */
  readonly cores: number;
  readonly seconds: number;
}

export interface CpuReading {
  readonly wallSeconds: number;
  /** Cores the whole machine kept busy (of `coresAvailable`): everyone's work, not only ours. */
  readonly machineCores: number;
  readonly coresAvailable: number;
  readonly shares: readonly CpuShare[];
}

/** This process (the benchmark's own client, consumer or load generator). */
export const selfCpu = (name = 'bench process'): CpuSource => ({
  name,
  read: async () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  },
});

/** A process of the running stack by its pid file; Postgres counts its backends too. */
export async function stackCpu(piece: StackPiece): Promise<CpuSource> {
  const pid = await stackPid(piece);
  if (pid === null) return { name: piece, read: async () => Number.NaN };
  return {
    name: piece,
    read: piece === 'postgres' ? treeCpuCounter(pid) : () => cpuSeconds(pid),
  };
}

export const pidCpu = (name: string, pid: number): CpuSource => ({
  name,
  read: () => cpuSeconds(pid),
});

/**
 * CPU used between start() and stop(), per source and for the machine. On two shared cores
 * this is what says whether a figure is the system's limit or the machine's.
 */
export class CpuMeter {
  private constructor(
    private readonly sources: readonly CpuSource[],
    private readonly started: readonly number[],
    private readonly machine: { busy: number; total: number },
    private readonly wallStart: number,
  ) {}

  static async start(sources: readonly CpuSource[]): Promise<CpuMeter> {
    const started = await Promise.all(sources.map((source) => source.read()));
    return new CpuMeter(sources, started, await machineCpuSeconds(), performance.now());
  }

  async stop(): Promise<CpuReading> {
    const ended = await Promise.all(this.sources.map((source) => source.read()));
    const machine = await machineCpuSeconds();
    const wallSeconds = (performance.now() - this.wallStart) / 1000;
    const coresAvailable = cpus().length;
    const busyShare = (machine.busy - this.machine.busy) / (machine.total - this.machine.total);
    return {
      wallSeconds,
      machineCores: busyShare * coresAvailable,
      coresAvailable,
      shares: this.sources.map((source, i) => {
        const seconds = (ended[i] ?? Number.NaN) - (this.started[i] ?? Number.NaN);
        return { name: source.name, seconds, cores: seconds / wallSeconds };
      }),
    };
  }
}

/** "machine 1.9/2 cores; connect 0.45, postgres 0.60, bench process 0.52" */
export function describeCpu(reading: CpuReading): string {
  const shares = reading.shares
    .map((share) => `${share.name} ${Number.isNaN(share.cores) ? 'n/a' : share.cores.toFixed(2)}`)
    .join(', ');
  return `machine ${reading.machineCores.toFixed(1)}/${reading.coresAvailable} cores; ${shares}`;
}
