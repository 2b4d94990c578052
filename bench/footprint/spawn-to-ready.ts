import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServiceName } from '@blog/chassis';
import { createTestDatabase, STACK } from '@blog/testing';
import { Client } from 'pg';
import {
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

async function boot(
  service: ServiceName,
  databaseUrl: string,
  tracing: boolean,
  bundled: boolean,
): Promise<Boot> {
  const port = await freePort();
  const instance = startNode({
    ...serviceLaunch(service, tracing, bundled),
    label: `bench-boot-${service}`,
    env: envOf(service, port, databaseUrl),
  });
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
): Promise<SpawnTimes> {
  const tracing = await stackUsesTracing(service);
  const database = await createTestDatabase(`bench_boot_${service}`);
  const stackDatabase = `blog_${service}`;
  const [restartName, unbundledName] = [`${database.name}_r`, `${database.name}_u`];
  let current = database.name;
  /** Boots on the same database under `name`, whose consumer groups are new and preset. */
  const bootAs = async (name: string, bundled: boolean): Promise<Boot> => {
    if (name !== current) await renameDatabase(current, name);
    current = name;
    groups.push(...(await presetGroupsAtEnd(stackDatabase, name)));
    return boot(service, database.url.replace(/\/[^/]+$/, `/${name}`), tracing, bundled);
  };
  try {
    const imports = await importsMs(service, tracing);
    const firstBoot = await bootAs(database.name, true);
    const restart = await bootAs(restartName, true);
    const restartUnbundled = await bootAs(unbundledName, false);
    return { service, tracing, firstBoot, restart, restartUnbundled, importsMs: imports };
  } finally {
    if (current !== database.name) await renameDatabase(current, database.name);
    await database.drop();
    await dropIfExists(restartName);
    await dropIfExists(unbundledName);
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
