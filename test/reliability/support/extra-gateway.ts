import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SERVICE_MALLOC_ENV } from '@blog/testing';

const ROOT = resolve(__dirname, '../../..');

export interface ExtraGateway {
  readonly url: string;
  readonly pid: number;
  /** Resident memory of the process now, from /proc (Linux). */
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A second gateway process on its own port in front of the running services, with its own
 * limits: a spec can overload it without touching the stack's gateway or its rate budget.
 * Started as scripts/stack.sh starts the gateway (its bundle, glibc's malloc settings), so a
 * spec judges the memory of what ships: the unbundled build with glibc's dynamic mmap
 * threshold peaked anywhere from 159 to 272 MB under the same overload.
 */
export async function startExtraGateway(
  port: number,
  env: Record<string, string>,
): Promise<ExtraGateway> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(ROOT, 'dist/bundle/boot.js'), 'gateway'],
    {
      env: {
        ...SERVICE_MALLOC_ENV,
        ...process.env,
        PORT: String(port),
        SAGA_MONITOR_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`extra gateway on ${port} did not start (exit ${child.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    rssBytes: async () => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
