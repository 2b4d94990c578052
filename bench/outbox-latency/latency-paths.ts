import { CreateOutbox1763900000000 } from '@blog/outbox';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Producer } from 'kafkajs';
import { benchAggregateType, registerOutboxConnector } from '../lib/debezium-connector';
import { deleteKafkaLeftovers } from '../lib/kafka-cleanup';
import { OutboxPoller } from './outbox-poller';

export type PathName = 'debezium-tuned' | 'debezium-defaults' | 'poller-100ms';

/** One way from a committed outbox row to Kafka, with its own database and topic. */
export interface LatencyPath {
  readonly name: PathName;
  readonly database: TestDatabase;
  readonly aggregateType: string;
  close(): Promise<void>;
}

/**
 * A Debezium connector on a fresh database, registered with the project's own script and
 * template (tuned), or the same template without our latency settings (Debezium defaults).
 */
export async function debeziumPath(tuned: boolean, pollIntervalMs?: number): Promise<LatencyPath> {
  const database = await createTestDatabase(tuned ? 'bench_tuned' : 'bench_defaults');
  await database.migrate([CreateOutbox1763900000000]);
  const connector = await registerOutboxConnector(database, {
    tuned,
    ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
  });
  const aggregateType = benchAggregateType(connector);
  return {
    name: tuned ? 'debezium-tuned' : 'debezium-defaults',
    database,
    aggregateType,
    close: async () => {
      await connector.remove();
      await database.drop();
      await deleteKafkaLeftovers([
        `outbox.event.${aggregateType}`,
        `__debezium-heartbeat.${connector.service}`,
      ]);
    },
  };
}

/** The baseline: a polling publisher every 100 ms on its own database. */
export async function pollerPath(producer: Producer): Promise<LatencyPath> {
  const database = await createTestDatabase('bench_poller');
  await database.migrate([CreateOutbox1763900000000]);
  const poller = new OutboxPoller(database.pool(), producer, 100);
  poller.start();
  const aggregateType = `bench-${database.name.replace(/_/g, '-')}`;
  return {
    name: 'poller-100ms',
    database,
    aggregateType,
    close: async () => {
      await poller.stop();
      await database.drop();
      await deleteKafkaLeftovers([`outbox.event.${aggregateType}`]);
    },
  };
}
