import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PODMAN_GLOBAL_FLAGS, podman, RUN_LIMITS, SERVICE_MALLOC_ENV } from '@blog/testing';
import { type NodeProcess, readersOf } from './node-process';

export interface ContainerOptions {
  readonly image: string;
  /** The command in the image, e.g. `node dist/bundle/boot.js post`. */
  readonly command: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Host files mounted read-only at the same path (a key file the environment names). */
  readonly mounts?: readonly string[];
  readonly label: string;
}

/**
 * A service run from the project's image by podman in the foreground, on the host's
 * network: the benchmark's process is podman's client, so its exit is the container's and
 * `spawnedAt` counts what a container start costs on top of the service's own.
 */
export function startContainer(options: ContainerOptions): NodeProcess {
  const name = `${options.label}-${process.pid}-${Date.now()}`;
  const logFile = join(tmpdir(), `${name}.log`);
  const log = createWriteStream(logFile);
  const env = {
    ...SERVICE_MALLOC_ENV,
    OTEL_EXPORTER_OTLP_ENDPOINT:
      process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? 'http://127.0.0.1:4318',
    ...options.env,
  };
  const args = [
    ...PODMAN_GLOBAL_FLAGS,
    'run',
    '--rm',
    '--name',
    name,
    '--network',
    'host',
    ...RUN_LIMITS,
    ...Object.entries(env).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
    ...(options.mounts ?? []).flatMap((file) => ['--volume', `${file}:${file}:ro`]),
    options.image,
    ...options.command,
  ];
  const spawnedAtEpochMs = Date.now();
  const spawnedAt = performance.now();
  const child = spawn('podman', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    pid: child.pid ?? 0,
    spawnedAt,
    spawnedAtEpochMs,
    child,
    ...readersOf(logFile),
    stop: async () => {
      await podman(['rm', '--force', '--ignore', '--time', '5', name], 60_000);
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((done) => child.once('exit', () => done()));
      }
      log.end();
      await rm(logFile, { force: true });
    },
  };
}

/** The image's size as podman stores it, or null when there is no such image here. */
export async function imageSizeBytes(image: string): Promise<number | null> {
  const size = await podman(['image', 'inspect', '--format', '{{.Size}}', image]).catch(() => '');
  return size === '' ? null : Number(size);
}
