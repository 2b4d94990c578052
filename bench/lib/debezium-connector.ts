import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { STACK, type TestDatabase } from '@blog/testing';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');
const REGISTER = join(ROOT, 'infra/connectors/register.sh');
const TEMPLATE = join(ROOT, 'infra/connectors/outbox-connector.template.json');
/** What "Debezium with default settings" leaves out of our connector template. */
const TUNING_KEYS = [
  'poll.interval.ms',
  'max.batch.size',
  'max.queue.size',
  'producer.override.linger.ms',
];

export interface ConnectorOptions {
  /** false: the template without our latency settings (Debezium's defaults). Default true. */
  readonly tuned?: boolean;
  /** poll.interval.ms; default: what register.sh puts into the template. */
  readonly pollIntervalMs?: number;
}

/** A Debezium outbox connector on one benchmark database, and how to take it away again. */
export interface OutboxConnector {
  readonly name: string;
  readonly slot: string;
  /** Debezium's topic.prefix: register.sh's "service", the database name without `t_`. */
  readonly service: string;
  /** Deletes the connector, then its replication slot (the slot outlives the connector). */
  remove(): Promise<void>;
}

async function waitRunning(connector: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${STACK.connectUrl}/connectors/${connector}/status`);
    const status = (await response.json()) as {
      connector?: { state: string };
      tasks?: { state: string }[];
    };
    if (status.connector?.state === 'RUNNING' && status.tasks?.[0]?.state === 'RUNNING') return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`${connector} did not reach RUNNING`);
}

async function dropSlot(database: TestDatabase, slot: string): Promise<void> {
  const pool = database.pool();
  // The task lets go of the slot a moment after the connector is deleted.
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const dropped = await pool.query(
      `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active`,
      [slot],
    );
    const left = await pool.query(`SELECT 1 FROM pg_replication_slots WHERE slot_name = $1`, [
      slot,
    ]);
    if (left.rowCount === 0 || dropped.rowCount) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}

/**
 * Registers a connector for `database` with the project's own script and template, so a
 * benchmark measures the pipeline the services run (or, untuned, Debezium's defaults),
 * and waits until its task runs.
 */
export async function registerOutboxConnector(
  database: TestDatabase,
  options: ConnectorOptions = {},
): Promise<OutboxConnector> {
  const tuned = options.tuned ?? true;
  let template = TEMPLATE;
  if (!tuned) {
    const config = JSON.parse(await readFile(TEMPLATE, 'utf8')) as Record<string, string>;
    for (const key of TUNING_KEYS) delete config[key];
    template = join(tmpdir(), `${database.name}.json`);
    await writeFile(template, JSON.stringify(config));
  }
  // register.sh reads database <prefix><service>; test databases are named t_<...>.
  const service = database.name.slice('t_'.length);
  await run('sh', [REGISTER, service], {
    env: {
      ...process.env,
      TEMPLATE: template,
      DB_NAME_PREFIX: 't_',
      ...(options.pollIntervalMs === undefined
        ? {}
        : { POLL_INTERVAL_MS: String(options.pollIntervalMs) }),
    },
  });
  if (!tuned) await rm(template, { force: true });
  const name = `outbox-${service}`;
  const slot = `outbox_${service}`;
  await waitRunning(name);
  return {
    name,
    slot,
    service,
    remove: async () => {
      await fetch(`${STACK.connectUrl}/connectors/${name}`, { method: 'DELETE' });
      await dropSlot(database, slot);
    },
  };
}

/** The aggregate type (so the topic) a benchmark writes for its connector's database. */
export function benchAggregateType(connector: Pick<OutboxConnector, 'service'>): string {
  return `bench-${connector.service.replace(/_/g, '-')}`;
}

/** The stack's own poll.interval.ms, so a benchmark connector runs as the services' do. */
export async function stackPollIntervalMs(): Promise<number | undefined> {
  const response = await fetch(`${STACK.connectUrl}/connectors/outbox-post/config`).catch(
    () => null,
  );
  if (!response?.ok) return undefined;
  const config = (await response.json()) as Record<string, string>;
  const value = Number(config['poll.interval.ms']);
  return Number.isFinite(value) ? value : undefined;
}
