import { readFileSync } from 'node:fs';
import { chmod, chown, copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ServiceName } from '@blog/chassis';
import { createTestDatabase, STACK } from '@blog/testing';
import { Client } from 'pg';
import { startContainer } from '../lib/container-process';
import {
  BUNDLE_BOOT,
  freePort,
  serviceLaunch,
  stackUsesTracing,
  startNode,
  waitForOk,
} from '../lib/node-process';
import { type BootMilestones, bootMilestones } from './boot-log';
import { presetGroupsAtEnd } from './group-offsets';
import { importsMs } from './startup-phases';

const ROOT = resolve(__dirname, '../../..');
const VERSION = (
  JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export interface Boot {
  readonly liveMs: number;
  readonly readyMs: number;
  readonly milestones: BootMilestones;
}

export interface SpawnTimes {
  readonly service: ServiceName;
  readonly tracing: boolean;
  /** On an empty database: the service runs every migration first. */
  readonly firstBoot: Boot;
  /** On the database the first boot migrated: what a restart costs. */
  readonly restart: Boot;
  /** The same restart from the unbundled build (dist/apps/<service>/src/main.js): the baseline. */
  readonly restartUnbundled: Boot;
  /** The same restart from the project's image under podman, when one was given. */
  readonly restartFromImage: Boot | null;
  /** Node, the preload and the module graph alone, measured just before the boots. */
  readonly importsMs: number;
}

/** The environment scripts/stack.sh gives each service, on another port and database. */
function envOf(service: ServiceName, port: number, databaseUrl: string): Record<string, string> {
  return {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SERVICE_VERSION: VERSION,
    ...(service === 'auth'
      ? { AUTH_SIGNING_KEY_FILE: resolve(ROOT, '.stack/keys/auth-signing.pem') }
      : {}),
    ...(service === 'gateway' ? { AUTH_RATE_LIMIT_MAX: '600' } : {}),
  };
}

/** How an instance is started: the stack's bundle, the unbundled build, or an image. */
export type Launch =
  { readonly kind: 'bundle' | 'unbundled' } | { readonly kind: 'image'; readonly image: string };

async function boot(
  service: ServiceName,
  databaseUrl: string,
  tracing: boolean,
  launch: Launch,
): Promise<Boot> {
  const port = await freePort();
  const env = envOf(service, port, databaseUrl);
  const label = `bench-boot-${service}`;
  const instance =
    launch.kind === 'image'
      ? startContainer({
          image: launch.image,
          command: ['node', BUNDLE_BOOT, ...(tracing ? ['--tracing'] : []), service],
          env: { ...env, ...(await imageKeyEnv(service)) },
          mounts: service === 'auth' ? [await imageKeyFile()] : [],
          label,
        })
      : startNode({ ...serviceLaunch(service, tracing, launch.kind === 'bundle'), label, env });
  const url = `http://127.0.0.1:${port}`;
  try {
    const [live, ready] = await Promise.all([
      waitForOk(`${url}/health/live`, instance),
      waitForOk(`${url}/health/ready`, instance),
    ]);
    return {
      liveMs: live - instance.spawnedAt,
      readyMs: ready - instance.spawnedAt,
      milestones: bootMilestones(await instance.output(), instance.spawnedAtEpochMs),
    };
  } finally {
    // SIGKILL, not SIGTERM: a graceful stop would let a consumer finish retrying a message
    // this instance cannot apply and dead-letter it onto the stack's own <topic>.dlq.
    instance.child.kill('SIGKILL');
    await instance.stop();
  }
}

async function renameDatabase(from: string, to: string): Promise<void> {
  const admin = new Client({ connectionString: STACK.postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      from,
    ]);
    await admin.query(`ALTER DATABASE "${from}" RENAME TO "${to}"`);
  } finally {
    await admin.end();
  }
}

/**
 * Spawn-to-live and spawn-to-ready of a second instance of `service`, started as the stack
 * starts it (same build, preload, environment) on a spare port and a throwaway database:
 * with the service's own database it would join the stack's consumer groups and make them
 * rebalance under other engineers' tests. The database is renamed between the two boots
 * so each restart gets fresh groups too (the killed instance's members linger for 30 s).
 * The instances start from their bundles, as the stack's do; a last restart from the
 * unbundled build is the baseline the bundle is measured against.
 */
export async function spawnToReady(
  service: ServiceName,
  /** Collects the consumer groups made for the instances, to delete once their members expire. */
  groups: string[],
  /** The project's image, to restart the same way from it too; null to skip. */
  image: string | null,
): Promise<SpawnTimes> {
  const tracing = await stackUsesTracing(service);
  const database = await createTestDatabase(`bench_boot_${service}`);
  const stackDatabase = `blog_${service}`;
  const [restartName, unbundledName, imageName] = [
    `${database.name}_r`,
    `${database.name}_u`,
    `${database.name}_i`,
  ];
  let current = database.name;
  /** Boots on the same database under `name`, whose consumer groups are new and preset. */
  const bootAs = async (name: string, launch: Launch): Promise<Boot> => {
    if (name !== current) await renameDatabase(current, name);
    current = name;
    groups.push(...(await presetGroupsAtEnd(stackDatabase, name)));
    return boot(service, database.url.replace(/\/[^/]+$/, `/${name}`), tracing, launch);
  };
  try {
    const imports = await importsMs(service, tracing);
    const firstBoot = await bootAs(database.name, { kind: 'bundle' });
    const restart = await bootAs(restartName, { kind: 'bundle' });
    const restartUnbundled = await bootAs(unbundledName, { kind: 'unbundled' });
    const restartFromImage = image ? await bootAs(imageName, { kind: 'image', image }) : null;
    return {
      service,
      tracing,
      firstBoot,
      restart,
      restartUnbundled,
      restartFromImage,
      importsMs: imports,
    };
  } finally {
    if (current !== database.name) await renameDatabase(current, database.name);
    await database.drop();
    await dropIfExists(restartName);
    await dropIfExists(unbundledName);
    await dropIfExists(imageName);
  }
}

async function dropIfExists(name: string): Promise<void> {
  const admin = new Client({ connectionString: STACK.postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * The image runs as uid 1000, which cannot read the stack's key (root's, mode 600): a copy
 * made as a compose user is told to make theirs, owned by 1000, mounted at the same path.
 */
let keyCopy: Promise<string> | undefined;
function imageKeyFile(): Promise<string> {
  keyCopy ??= (async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'bench-image-key-')), 'auth-signing.pem');
    await copyFile(resolve(ROOT, '.stack/keys/auth-signing.pem'), file);
    await chown(file, 1000, 1000);
    await chmod(file, 0o600);
    return file;
  })();
  return keyCopy;
}

async function imageKeyEnv(service: ServiceName): Promise<Record<string, string>> {
  return service === 'auth' ? { AUTH_SIGNING_KEY_FILE: await imageKeyFile() } : {};
}
