import {
  consumerMigrations,
  type DeadLetterSink,
  handlerFor,
  KafkaMessageConsumer,
  MessageProcessor,
  type ProcessOutcome,
} from '@blog/consumer';
import { createTestDatabase, stackKafka, type TestDatabase, uniqueName } from '@blog/testing';
import type { Pool } from 'pg';
import { z } from 'zod';
import { deleteKafkaLeftovers } from './kafka-cleanup';
import { BENCH_EVENT } from './outbox-source';

const Payload = z.object({ n: z.number().int().min(0) });

export interface Audit {
  /** Distinct messages with an effect. */
  readonly applied: number;
  /** Messages whose effect row is there more than once: what the inbox must prevent. */
  readonly doubles: number;
  /** Some message numbers without an effect, for the report. */
  readonly missingExamples: readonly number[];
}

/**
 * The consuming side as a service runs it: the library's KafkaMessageConsumer and
 * MessageProcessor with an inbox, in a throwaway database. The effect table has no unique
 * key on purpose, so a message applied twice shows as two rows instead of being assumed away.
 */
export class EffectSink {
  readonly outcomes: Record<ProcessOutcome, number> = {
    processed: 0,
    duplicate: 0,
    ignored: 0,
    'dead-lettered': 0,
    parked: 0,
  };

  private constructor(
    readonly database: TestDatabase,
    private readonly pool: Pool,
    private readonly consumer: KafkaMessageConsumer,
    private readonly groupId: string,
  ) {}

  /** `onApplied(n)` runs once the effect and its inbox row have committed. */
  static async start(
    label: string,
    topic: string,
    onApplied: (n: number, at: number) => void,
  ): Promise<EffectSink> {
    const database = await createTestDatabase(label);
    await database.migrate(consumerMigrations);
    const pool = database.pool();
    await pool.query(`CREATE TABLE bench_effects (n bigint NOT NULL, message_id uuid NOT NULL)`);
    await pool.query(`CREATE INDEX bench_effects_n ON bench_effects (n)`);
    const deadLetters: DeadLetterSink = { publish: async () => undefined };
    const processor = new MessageProcessor({
      consumer: 'bench.effects',
      pool,
      deadLetters,
      handlers: [
        handlerFor({
          type: BENCH_EVENT,
          schema: Payload,
          handle: async (tx, { payload, envelope }) => {
            await tx.query(`INSERT INTO bench_effects (n, message_id) VALUES ($1, $2)`, [
              payload.n,
              envelope.messageId,
            ]);
          },
        }),
      ],
    });
    const groupId = uniqueName('bench_sink');
    let sink: EffectSink | null = null;
    const consumer = new KafkaMessageConsumer({
      kafka: stackKafka('bench-sink'),
      groupId,
      topics: [topic],
      processor,
      onOutcome: (outcome, record) => {
        if (sink) sink.outcomes[outcome] += 1;
        if (outcome !== 'processed' || record.value === null) return;
        const parsed = Payload.safeParse(JSON.parse(record.value));
        if (parsed.success) onApplied(parsed.data.n, performance.now());
      },
    });
    sink = new EffectSink(database, pool, consumer, groupId);
    await consumer.start(true);
    return sink;
  }

  /** Counts effects of messages `from` ≤ n < `to` in the effect table itself. */
  async audit(from: number, to: number): Promise<Audit> {
    const counted = await this.pool.query<{ applied: string; doubles: string }>(
      `SELECT count(*) AS applied, count(*) FILTER (WHERE c > 1) AS doubles
         FROM (SELECT n, count(*) AS c FROM bench_effects WHERE n >= $1 AND n < $2 GROUP BY n) e`,
      [from, to],
    );
    const missing = await this.pool.query<{ n: string }>(
      `SELECT s AS n FROM generate_series($1::bigint, $2::bigint - 1) s
        WHERE NOT EXISTS (SELECT 1 FROM bench_effects e WHERE e.n = s) LIMIT 5`,
      [from, to],
    );
    const row = counted.rows[0];
    return {
      applied: Number(row?.applied ?? 0),
      doubles: Number(row?.doubles ?? 0),
      missingExamples: missing.rows.map((r) => Number(r.n)),
    };
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.database.drop();
    await deleteKafkaLeftovers([], [this.groupId]);
  }
}
