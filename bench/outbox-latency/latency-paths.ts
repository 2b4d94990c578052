import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CreateOutbox1763900000000 } from '@blog/outbox';
import { createTestDatabase, STACK, type TestDatabase } from '@blog/testing';
import type { Producer } from 'kafkajs';
import { OutboxPoller } from './outbox-poller';

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

export type PathName = 'debezium-tuned' | 'debezium-defaults' | 'poller-100ms';

/** One way from a committed outbox row to Kafka, with its own database and topic. */
export interface LatencyPath {
  readonly name: PathName;
  readonly database: TestDatabase;
  readonly aggregateType: string;
  close(): Promise<void>;
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

/**
 * A Debezium connector on a fresh database, registered with the project's own script and
 * template (tuned), or the same template without our latency settings (Debezium defaults).
 */
export async function debeziumPath(tuned: boolean, pollIntervalMs?: number): Promise<LatencyPath> {
  const database = await createTestDatabase(tuned ? 'bench_tuned' : 'bench_defaults');
  await database.migrate([CreateOutbox1763900000000]);
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
      ...(pollIntervalMs === undefined ? {} : { POLL_INTERVAL_MS: String(pollIntervalMs) }),
    },
  });
  await waitRunning(`outbox-${service}`);
  return {
    name: tuned ? 'debezium-tuned' : 'debezium-defaults',
    database,
    aggregateType: `bench-${service.replace(/_/g, '-')}`,
    close: async () => {
      await fetch(`${STACK.connectUrl}/connectors/outbox-${service}`, { method: 'DELETE' });
      // The slot outlives the connector; dropping the database needs it gone.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const dropped = await database
          .pool()
          .query(
            `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active`,
            [`outbox_${service}`],
          );
        const left = await database
          .pool()
          .query(`SELECT 1 FROM pg_replication_slots WHERE slot_name = $1`, [`outbox_${service}`]);
        if (left.rowCount === 0 || dropped.rowCount) break;
        await new Promise((resolveWait) => setTimeout(resolveWait, 250));
      }
      await database.drop();
    },
  };
}

/** The baseline: a polling publisher every 100 ms on its own database. */
export async function pollerPath(producer: Producer): Promise<LatencyPath> {
  const database = await createTestDatabase('bench_poller');
  await database.migrate([CreateOutbox1763900000000]);
  const poller = new OutboxPoller(database.pool(), producer, 100);
  poller.start();
  return {
    name: 'poller-100ms',
    database,
    aggregateType: `bench-${database.name.replace(/_/g, '-')}`,
    close: async () => {
      await poller.stop();
      await database.drop();
    },
  };
}
