import { chmod, chown, copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { SERVICE_NAMES, SERVICE_PORTS, type ServiceName } from '@blog/chassis';
import { podman, RUN_LIMITS, SERVICE_MALLOC_ENV, STACK } from '@blog/testing';

const ROOT = resolve(__dirname, '../../..');

/** The seven services, the gateway last: its readiness includes every upstream. */
export const SERVICES: readonly ServiceName[] = [
  ...SERVICE_NAMES.filter((service) => service !== 'gateway'),
  'gateway',
];

/**
 * Every container of this tier carries this label, so scripts/test.sh can tell that one
 * is still running after the run.
 */
const TIER_LABEL = 'blog.test-tier=container';

/** Fixed names, so a run that was killed leaves containers the next run can find. */
export const containerName = (service: ServiceName) => `blog-test-${service}`;

/** Where and how docker-compose.yml hands auth its key (the file secret auth_signing_key). */
const KEY_IN_CONTAINER = '/run/secrets/auth_signing_key';
/** The image's user (Dockerfile USER), who must be able to read the key. */
const NODE_UID = 1000;
const KEY_DIR_PREFIX = 'blog-container-key-';

/** As scripts/stack.sh: services trace to the local Jaeger unless the variable is set empty. */
const OTEL_ENDPOINT = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? 'http://127.0.0.1:4318';

/**
 * A copy of the stack's own signing key (tokens minted by @blog/testing must verify),
 * prepared as infra/README.md tells a compose user to: owned by uid 1000, mode 0600.
 */
export async function copySigningKey(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), KEY_DIR_PREFIX));
  const file = join(dir, 'auth-signing.pem');
  await copyFile(STACK.authSigningKeyFile, file);
  await chown(file, NODE_UID, NODE_UID);
  await chmod(file, 0o600);
  return file;
}

/** Containers and key copies a run that was killed left behind. */
export async function removeLeftovers(): Promise<void> {
  await removeContainers();
  const stale = (await readdir(tmpdir())).filter((name) => name.startsWith(KEY_DIR_PREFIX));
  await Promise.all(stale.map((name) => rm(join(tmpdir(), name), { recursive: true })));
}

/** Stops (SIGTERM, then SIGKILL after 5 s) and removes every container of this tier. */
export async function removeContainers(): Promise<void> {
  await podman(
    ['rm', '--force', '--ignore', '--time', '5', ...SERVICES.map(containerName)],
    90_000,
  );
}

async function serviceVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(resolve(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * One service from the image, as scripts/stack.sh's start_service runs it: on the host's
 * network at its usual port, the same command, the same environment.
 */
export async function startContainer(
  image: string,
  service: ServiceName,
  signingKeyFile: string,
): Promise<void> {
  const env: Record<string, string> = {
    SERVICE_VERSION: await serviceVersion(),
    ...SERVICE_MALLOC_ENV,
    ...(OTEL_ENDPOINT ? { OTEL_EXPORTER_OTLP_ENDPOINT: OTEL_ENDPOINT } : {}),
    ...(service === 'auth' ? { AUTH_SIGNING_KEY_FILE: KEY_IN_CONTAINER } : {}),
    // Every client of the local stack is 127.0.0.1 (see scripts/stack.sh).
    ...(service === 'gateway'
      ? { AUTH_RATE_LIMIT_MAX: process.env['AUTH_RATE_LIMIT_MAX'] ?? '600' }
      : {}),
  };
  await podman([
    'run',
    '--detach',
    '--name',
    containerName(service),
    '--label',
    TIER_LABEL,
    '--network',
    'host',
    ...RUN_LIMITS,
    ...Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    ...(service === 'auth' ? ['--volume', `${signingKeyFile}:${KEY_IN_CONTAINER}:ro`] : []),
    image,
    'node',
    'dist/bundle/boot.js',
    ...(OTEL_ENDPOINT ? ['--tracing'] : []),
    service,
  ]);
}

const readyUrl = (service: ServiceName) =>
  `${STACK.serviceUrl(SERVICE_PORTS[service])}/health/ready`;

async function readiness(service: ServiceName): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(readyUrl(service), { signal: AbortSignal.timeout(3_000) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

async function logsOf(service: ServiceName): Promise<string> {
  return podman(['logs', '--tail', '20', containerName(service)]).catch(String);
}

/** Whether something listens on a loopback port (a connection that hangs counts as yes). */
function accepts(port: number): Promise<boolean> {
  return new Promise<boolean>((answer) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const settle = (listening: boolean) => {
      socket.destroy();
      answer(listening);
    };
    socket.setTimeout(2_000, () => settle(true));
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
  });
}

/**
 * The services' ports that something still listens on. Checked before the containers
 * start: a readiness answer must come from a container, not from a process left behind.
 */
export async function portsInUse(): Promise<string[]> {
  const taken = await Promise.all(
    SERVICES.map(async (service) => ((await accepts(SERVICE_PORTS[service])) ? [service] : [])),
  );
  return taken.flat().map((service) => `${service} (${SERVICE_PORTS[service]})`);
}

/** Until every service's /health/ready answers 200; fails early if a container exits. */
export async function waitAllReady(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const service of SERVICES) {
    for (;;) {
      const seen = await readiness(service);
      if (seen.status === 200) break;
      if (seen.status === 0) {
        const running = await podman([
          'inspect',
          '--format',
          '{{.State.Running}}',
          containerName(service),
        ]);
        if (running !== 'true') {
          throw new Error(`${service} exited during start-up:\n${await logsOf(service)}`);
        }
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${service} not ready after ${timeoutMs} ms (${readyUrl(service)}: ${seen.status} ${seen.body})\n${await logsOf(service)}`,
        );
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  }
}

/** What `docker stop` does to a service: SIGTERM, and SIGKILL once the grace period is over. */
export async function stopContainer(
  service: ServiceName,
  graceSeconds: number,
): Promise<{ seconds: number; exitCode: number }> {
  const started = performance.now();
  await podman(['stop', '--time', String(graceSeconds), containerName(service)], 60_000);
  const seconds = (performance.now() - started) / 1000;
  const exitCode = Number(
    await podman(['inspect', '--format', '{{.State.ExitCode}}', containerName(service)]),
  );
  return { seconds, exitCode };
}

/** Owner, group and mode of the key as auth sees it inside its container. */
export const signingKeyInContainer = () =>
  podman(['exec', containerName('auth'), 'stat', '-c', '%u:%g %a', KEY_IN_CONTAINER]);
