import { randomUUID } from 'node:crypto';
import { CreateOutbox1763900000000, type OutboxMessage, publishToOutbox } from '@blog/outbox';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase, tolerateForcedDrop } from '@blog/testing';
import { Pool } from 'pg';
import {
  benchAggregateType,
  type ConnectorOptions,
  type OutboxConnector,
  registerOutboxConnector,
} from './debezium-connector';
import { deleteKafkaLeftovers } from './kafka-cleanup';

export const BENCH_EVENT = 'BenchEvent';

/**
 * A throwaway service-like database with the outbox, written through the real outbox
 * writer, and (once attached) its own Debezium connector from the project's template.
 * Message `n` carries `{ n }` so the sink can tell which one it applied.
 */
export class OutboxSource {
  private connector: OutboxConnector | null = null;
  private readonly pools: Pool[] = [];
  readonly aggregateType: string;

  private constructor(
    readonly database: TestDatabase,
    private readonly filler: string,
  ) {
    // What register.sh will call the connector's service, so the topic is known up front.
    this.aggregateType = benchAggregateType({ service: database.name.slice('t_'.length) });
  }

  static async create(label: string, payloadBytes = 0): Promise<OutboxSource> {
    const database = await createTestDatabase(label);
    await database.migrate([CreateOutbox1763900000000]);
    return new OutboxSource(database, 'x'.repeat(payloadBytes));
  }

  get topic(): string {
    return `outbox.event.${this.aggregateType}`;
  }

  get slot(): string {
    return `outbox_${this.database.name.slice('t_'.length)}`;
  }

  /** A pool of exactly `connections` (TestDatabase's own holds up to 10). */
  pool(connections: number): Pool {
    const pool = tolerateForcedDrop(
      new Pool({ connectionString: this.database.url, max: connections }),
    );
    this.pools.push(pool);
    return pool;
  }

  async attachDebezium(options: ConnectorOptions = {}): Promise<void> {
    this.connector = await registerOutboxConnector(this.database, options);
  }

  message(n: number): OutboxMessage {
    const messageId = randomUUID();
    return {
      messageId,
      aggregateType: this.aggregateType,
      // 1,000 aggregates: every partition busy, per-key order kept as the services keep it.
      aggregateId: `agg-${n % 1_000}`,
      type: BENCH_EVENT,
      payload: this.filler ? { n, filler: this.filler } : { n },
      correlationId: messageId,
      occurredAt: new Date(),
      schemaVersion: 1,
    };
  }

  /** Messages `ns` in one transaction, as a command handler commits the events it decided. */
  write(pool: Pool, ns: readonly number[]): Promise<void> {
    return inTransaction(pool, (tx) =>
      publishToOutbox(
        tx,
        ns.map((n) => this.message(n)),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((pool) => pool.end()));
    await this.connector?.remove();
    await this.database.drop();
    const service = this.database.name.slice('t_'.length);
    await deleteKafkaLeftovers([this.topic, `__debezium-heartbeat.${service}`]);
  }
}
