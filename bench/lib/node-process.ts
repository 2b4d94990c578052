import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVICE_MALLOC_ENV } from '@blog/testing';
import { stackPid, type StackPiece } from './proc';

const ROOT = resolve(__dirname, '../../..');
export const TRACING_PRELOAD = join(ROOT, 'dist/libs/observability/src/tracing.register.js');
/** Starts a service from its bundle, as scripts/stack.sh does (libs/chassis/src/boot). */
export const BUNDLE_BOOT = 'dist/bundle/boot.js';

/**
 * How scripts/stack.sh starts `service`: `node dist/bundle/boot.js [--tracing] <service>`;
 * `bundled: false` is the unbundled build it replaced, kept as the footprint's baseline.
 */
export function serviceLaunch(
  service: string,
  tracing: boolean,
  bundled = true,
): Pick<NodeProcessOptions, 'script' | 'args' | 'tracing'> {
  return bundled
    ? { script: BUNDLE_BOOT, args: [...(tracing ? ['--tracing'] : []), service], tracing: false }
    : { script: `dist/apps/${service}/src/main.js`, tracing };
}

export interface NodeProcessOptions {
  /** Script under the repository root, e.g. `dist/apps/gateway/src/main.js`. */
  readonly script: string;
  /** Arguments after the script. */
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Preload tracing as scripts/stack.sh does when a trace store is configured. */
  readonly tracing: boolean;
  /** What the log file is called; it is removed on stop unless the process failed. */
  readonly label: string;
}

/** A node process this benchmark started, with the moment it was spawned. */
export interface NodeProcess {
  readonly pid: number;
  /** performance.now() just before spawn(). */
  readonly spawnedAt: number;
  /** Date.now() at the same moment, to line up with the timestamps in its log lines. */
  readonly spawnedAtEpochMs: number;
  readonly child: ChildProcess;
  /** The last lines it wrote, for an error message. */
  tail(): Promise<string>;
  /** Everything it wrote so far (stdout and stderr). */
  output(): Promise<string>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error()),
      );
    });
  });
}

/** Whether the stack's own instance of `piece` was started with the tracing preload. */
export async function stackUsesTracing(piece: StackPiece): Promise<boolean> {
  const pid = await stackPid(piece);
  // Not running: what scripts/stack.sh would do, which preloads unless the variable is set empty.
  if (pid === null)
    return (process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? 'http://127.0.0.1:4318') !== '';
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const args = command.split('\0');
  return args.includes('--tracing') || command.includes('tracing.register.js');
}

/**
 * BENCH_CPU_PROF_DIR=/tmp/prof profiles every process a benchmark starts: each writes a
 * .cpuprofile there when it stops (bench/README.md, "Profiling").
 */
function profilingArgs(): string[] {
  const directory = process.env['BENCH_CPU_PROF_DIR'];
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}

/** What a started process wrote, read back from the log file its output goes to. */
export function readersOf(logFile: string): Pick<NodeProcess, 'output' | 'tail'> {
  const output = () => readFile(logFile, 'utf8').catch(() => '');
  return { output, tail: async () => (await output()).split('\n').slice(-15).join('\n') };
}

export function startNode(options: NodeProcessOptions): NodeProcess {
  const logFile = join(tmpdir(), `${options.label}-${process.pid}-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  const args = [
    ...(options.tracing ? ['-r', TRACING_PRELOAD] : []),
    ...profilingArgs(),
    join(ROOT, options.script),
    ...(options.args ?? []),
  ];
  const spawnedAtEpochMs = Date.now();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      // As scripts/stack.sh runs the services: its malloc settings unless the caller's
      // environment sets its own, traces to the local Jaeger when preloaded.
      ...SERVICE_MALLOC_ENV,
      ...process.env,
      OTEL_EXPORTER_OTLP_ENDPOINT:
        process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? 'http://127.0.0.1:4318',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let failed = false;
  child.once('exit', (code) => {
    failed = code !== 0 && code !== null;
  });
  return {
    pid: child.pid ?? 0,
    spawnedAt,
    spawnedAtEpochMs,
    child,
    ...readersOf(logFile),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
      if (!failed) await rm(logFile, { force: true });
    },
  };
}

/**
 * Polls `url` until it answers 200 and returns performance.now() at that answer; throws
 * with the process's last lines if it exits or the time runs out.
 */
export async function waitForOk(
  url: string,
  instance: NodeProcess,
  timeoutMs = 60_000,
  everyMs = 20,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => {
        last = `${response.status} ${(await response.text()).slice(0, 300)}`;
        return response.ok;
      },
      () => false,
    );
    if (ok) return performance.now();
    if (instance.child.exitCode !== null || performance.now() > deadline) {
      throw new Error(
        `${url} did not answer 200 (exit ${instance.child.exitCode}; last answer: ${last}):\n${await instance.tail()}`,
      );
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, everyMs));
  }
}
