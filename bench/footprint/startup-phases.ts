import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { ServiceName } from '@blog/chassis';
import { TRACING_PRELOAD } from '../lib/node-process';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

/**
 * Milliseconds from process start until `code` has run, as the process itself sees it
 * (performance.now() counts from its own time origin), so spawning is not in the figure.
 * It exits at once: an app's modules leave timers and sockets that would keep it alive.
 */
async function lastLineAfter(code: string, preloads: readonly string[]): Promise<string> {
  const args = [
    ...preloads.flatMap((preload) => ['-r', preload]),
    '-e',
    `${code};process.stdout.write(String(performance.now()));process.exit(0)`,
  ];
  const { stdout } = await run(process.execPath, args, {
    cwd: ROOT,
    // As the stack sets it: the SDK loads and patches the same; these processes make no spans.
    env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' },
  });
  return stdout.trim().split('\n').at(-1) ?? '';
}

async function msUntil(code: string, tracing: boolean): Promise<number> {
  return Number(await lastLineAfter(code, tracing ? [TRACING_PRELOAD] : []));
}

const requireOf = (service: ServiceName) =>
  `require(${JSON.stringify(resolve(ROOT, `dist/apps/${service}/src/main.js`))})`;

export interface StartupPhases {
  /** Node itself, and with the tracing SDK preloaded. */
  readonly nodeMs: number;
  readonly nodeWithTracingMs: number;
}

/** Node's own start and the tracing preload's share of every service's start. */
export async function startupPhases(): Promise<StartupPhases> {
  return { nodeMs: await msUntil('0', false), nodeWithTracingMs: await msUntil('0', true) };
}

/**
 * Process start until an app's main module and everything it imports (Nest, TypeORM,
 * kafkajs, pg, zod, ...) are loaded; requiring main.js from -e does not start the app
 * (it runs only as the entry module).
 */
export function importsMs(service: ServiceName, tracing: boolean): Promise<number> {
  return msUntil(requireOf(service), tracing);
}

/** Milliseconds per package (with what it pulls in first) of the same imports: require-timer.ts. */
export async function importCosts(
  service: ServiceName,
  tracing: boolean,
): Promise<ReadonlyMap<string, number>> {
  const timer = resolve(__dirname, 'require-timer.js');
  const preloads = tracing ? [TRACING_PRELOAD, timer] : [timer];
  const totals = JSON.parse(await lastLineAfter(requireOf(service), preloads)) as Record<
    string,
    number
  >;
  return new Map(Object.entries(totals));
}
