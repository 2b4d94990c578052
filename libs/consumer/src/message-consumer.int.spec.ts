import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@blog/sql';
import {
  createTestDatabase,
  ensureTopics,
  produceRecords,
  type RecordToProduce,
  stackKafka,
  type TestDatabase,
  TopicRecorder,
  uniqueName,
} from '@blog/testing';
import type { Pool } from 'pg';
import { z } from 'zod';
import { DeadLetterAdmin } from './dead-letter-admin';
import { KafkaDeadLetterSink, deadLetterTopic } from './kafka-dead-letter-sink';
import { KafkaMessageConsumer } from './kafka-message-consumer';
import { handlerFor } from './message-handler';
import { MessageProcessor, type ProcessOutcome } from './message-processor';
import { consumerLag } from './consumer-lag';
import { consumerMigrations } from './index';

// The consumer against real Kafka and Postgres. Records are produced with the exact
// header layout Debezium's outbox router writes (test/platform checks that layout).

const kafka = stackKafka('consumer-spec');
const Deposited = z.object({ amount: z.number().int(), seq: z.number().int() });

function record(
  key: string,
  payload: object,
  overrides: Record<string, string> = {},
): RecordToProduce {
  return {
    key,
    value: JSON.stringify(payload),
    headers: {
      id: randomUUID(),
      eventType: 'Deposited',
      correlationId: randomUUID(),
      sagaId: 'saga-1',
      occurredAt: new Date().toISOString(),
      schemaVersion: '1',
      ...overrides,
    },
  };
}

/** The effect under test: a balance per key and the order amounts were applied in. */
async function applyDeposit(tx: SqlClient, key: string, amount: number, seq: number) {
  await tx.query(
    `INSERT INTO balances (account, total, seqs) VALUES ($1, $2, ARRAY[$3::int])
     ON CONFLICT (account) DO UPDATE SET total = balances.total + $2, seqs = balances.seqs || $3::int`,
    [key, amount, seq],
  );
}

describe('KafkaMessageConsumer + MessageProcessor', () => {
  let database: TestDatabase;
  let pool: Pool;
  let topic: string;
  const producer = kafka.producer();
  const outcomes: ProcessOutcome[] = [];
  /** The message the handler cannot apply until "the fix is deployed". */
  let broken: { key: string; seq: number } | null = null;
  /** A message whose handler takes this long, as one waiting out a database restart. */
  let slow: { key: string; ms: number } | null = null;

  const processor = (consumer: string) =>
    new MessageProcessor({
      consumer,
      pool,
      deadLetters: new KafkaDeadLetterSink(producer),
      retry: { attempts: 3, initialBackoffMs: 5, maxBackoffMs: 20 },
      handlers: [
        handlerFor({
          type: 'Deposited',
          schema: Deposited,
          handle: async (tx, { key, payload }) => {
            if (slow?.key === key) await new Promise((resolve) => setTimeout(resolve, slow?.ms));
            if (broken?.key === key && broken.seq === payload.seq) {
              throw new Error(`cannot apply seq ${payload.seq}`);
            }
            await applyDeposit(tx, key, payload.amount, payload.seq);
          },
        }),
      ],
    });

  const consume = async (groupId: string, consumer: string, commitOffsets = true) => {
    const running = new KafkaMessageConsumer({
      kafka,
      groupId,
      topics: [topic],
      processor: processor(consumer),
      commitOffsets,
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    await running.start();
    return running;
  };

  const balances = async () =>
    (
      await pool.query<{ account: string; total: number; seqs: number[] }>(
        `SELECT account, total, seqs FROM balances ORDER BY account`,
      )
    ).rows;

  const waitUntil = async (done: () => Promise<boolean> | boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeEach(async () => {
    database = await createTestDatabase('consumer');
    await database.migrate(consumerMigrations);
    pool = database.pool();
    await pool.query(
      `CREATE TABLE balances (account text PRIMARY KEY, total int NOT NULL, seqs int[] NOT NULL)`,
    );
    topic = uniqueName('outbox.event.it-consumer').replace(/_/g, '-');
    await ensureTopics([topic, deadLetterTopic(topic)]);
    await producer.connect();
    outcomes.length = 0;
    broken = null;
    slow = null;
  });
  afterEach(async () => {
    await producer.disconnect();
    await database.drop();
  });

  it('applies every message once when every message is delivered twice', async () => {
    const records = ['a', 'b', 'c'].flatMap((key) =>
      [1, 2, 3, 4].map((seq) => record(key, { amount: seq * 10, seq })),
    );
    await produceRecords(
      topic,
      records.flatMap((r) => [r, r]),
    );
    const running = await consume(uniqueName('g'), 'ledger');
    try {
      await waitUntil(() => outcomes.length === 24);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(12);
      expect(await balances()).toEqual(
        ['a', 'b', 'c'].map((account) => ({ account, total: 100, seqs: [1, 2, 3, 4] })),
      );
      // Records waiting in a partition are applied a chunk per transaction (one WAL flush),
      // not one transaction each: the 12 inbox rows were written by fewer transactions.
      const writers = await pool.query<{ n: number }>(
        `SELECT count(DISTINCT xmin::text)::int AS n FROM inbox`,
      );
      expect(writers.rows[0]?.n).toBeLessThan(12);
    } finally {
      await running.stop();
    }
  });

  it('has no second effect after a crash between the effect commit and the offset commit', async () => {
    const groupId = uniqueName('g');
    await produceRecords(
      topic,
      [1, 2, 3].map((seq) => record('acct', { amount: 5, seq })),
    );
    // First instance commits its effects but "dies" before committing offsets.
    const crashed = await consume(groupId, 'ledger', false);
    await waitUntil(() => outcomes.length === 3);
    await crashed.stop();
    const afterCrash = await balances();

    const restarted = await consume(groupId, 'ledger');
    try {
      await waitUntil(() => outcomes.length === 6);
      expect(outcomes.slice(3)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(await balances()).toEqual(afterCrash);
      expect(afterCrash).toEqual([{ account: 'acct', total: 15, seqs: [1, 2, 3] }]);
    } finally {
      await restarted.stop();
    }
  });

  it('dead-letters a poison message, parks only its aggregate, and re-drives it in order', async () => {
    broken = { key: 'poisoned', seq: 2 };
    const poisoned = [1, 2, 3, 4].map((seq) => record('poisoned', { amount: 1, seq }));
    const healthy = [1, 2, 3, 4].map((seq) => record('healthy', { amount: 1, seq }));
    const invalid = record('other', { amount: 'lots' });
    const dlq = await TopicRecorder.start([deadLetterTopic(topic)]);
    await produceRecords(topic, [...poisoned, ...healthy, invalid]);
    const running = await consume(uniqueName('g'), 'ledger');
    try {
      await waitUntil(() => outcomes.length === 9);
      // Other aggregates flowed; the poisoned one stopped at the failure, later seqs waited.
      expect(await balances()).toEqual([
        { account: 'healthy', total: 4, seqs: [1, 2, 3, 4] },
        { account: 'poisoned', total: 1, seqs: [1] },
      ]);
      expect(outcomes.filter((o) => o === 'parked')).toHaveLength(2);

      await dlq.waitFor((records) => records.length === 2, 10_000);
      const poisonDlq = dlq.records.find((r) => r.key === 'poisoned');
      expect(poisonDlq?.headers).toMatchObject({
        id: poisoned[1]?.headers['id'],
        eventType: 'Deposited',
        'dlq.consumer': 'ledger',
        'dlq.reason': 'handler-failed',
        'dlq.error': 'cannot apply seq 2',
        'dlq.attempts': '3',
      });
      expect(dlq.records.find((r) => r.key === 'other')?.headers['dlq.reason']).toBe(
        'invalid-payload',
      );

      const admin = new DeadLetterAdmin(pool, processor('ledger'));
      expect((await admin.list()).map((d) => [d.key, d.status])).toEqual([
        ['poisoned', 'failed'],
        ['poisoned', 'waiting'],
        ['poisoned', 'waiting'],
        ['other', 'failed'],
      ]);

      // Still broken: re-drive changes nothing and keeps the key parked.
      expect((await admin.redriveAll()).resolved).toBe(0);

      broken = null; // the fix is deployed
      const result = await admin.redriveAll();
      expect(result.resolved).toBe(3);
      expect(result.stillParked).toEqual([
        { topic, key: 'other', error: expect.stringMatching(/invalid-payload/) },
      ]);
      expect(await balances()).toContainEqual({
        account: 'poisoned',
        total: 4,
        seqs: [1, 2, 3, 4],
      });
      expect((await admin.redriveAll()).resolved).toBe(0); // repeatable, no second effect

      // Unparked: a new message for the key is applied live.
      outcomes.length = 0;
      await produceRecords(topic, [record('poisoned', { amount: 1, seq: 5 })]);
      await waitUntil(() => outcomes.includes('processed'));
      expect(await balances()).toContainEqual({
        account: 'poisoned',
        total: 5,
        seqs: [1, 2, 3, 4, 5],
      });
    } finally {
      await running.stop();
      await dlq.stop();
    }
  });

  it('keeps its partitions while a handler outlasts the session, so nothing is redelivered', async () => {
    slow = { key: 'slow', ms: 9_000 }; // the session is 6 s
    const groupId = uniqueName('g');
    const running = await consume(groupId, 'ledger');
    const admin = kafka.admin();
    await admin.connect();
    const members = async () =>
      (await admin.describeGroups([groupId])).groups[0]?.members.map((m) => m.memberId);
    try {
      const before = await members();
      await produceRecords(topic, [record('slow', { amount: 3, seq: 1 })]);
      await waitUntil(() => outcomes.length === 1, 20_000);
      // A second delivery would come after a rebalance; give it time to show up.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(outcomes).toEqual(['processed']);
      expect(await members()).toEqual(before);
    } finally {
      await admin.disconnect();
      await running.stop();
    }
  }, 40_000);

  it('starts when its topic is served only after start-up began, instead of failing', async () => {
    // The race a fresh stack hits: the topic is not served yet when the consumer subscribes.
    const lateTopic = uniqueName('outbox.event.it-late').replace(/_/g, '-');
    const consumer = new KafkaMessageConsumer({
      kafka,
      groupId: uniqueName('g'),
      topics: [lateTopic],
      processor: processor('ledger'),
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    const started = consumer.start();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await ensureTopics([lateTopic]);
    await started;
    try {
      await produceRecords(lateTopic, [record('late', { amount: 7, seq: 1 })]);
      await waitUntil(() => outcomes.length === 1);
      expect(await balances()).toEqual([{ account: 'late', total: 7, seqs: [1] }]);
    } finally {
      await consumer.stop();
    }
  });

  it('counts consumer lag: everything before the group first runs, nothing once committed', async () => {
    const groupId = uniqueName('g');
    await produceRecords(
      topic,
      [1, 2, 3, 4, 5].map((seq) => record(`k${seq}`, { amount: 1, seq })),
    );
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect((await consumerLag(admin, groupId, [topic])).total).toBe(5);
      const running = await consume(groupId, 'ledger');
      try {
        await waitUntil(() => outcomes.length === 5);
        await waitUntil(async () => (await consumerLag(admin, groupId, [topic])).total === 0);
        const lag = await consumerLag(admin, groupId, [topic]);
        expect(lag.partitions).toHaveLength(3);
        expect(lag.partitions.every((p) => p.lag === 0)).toBe(true);
      } finally {
        await running.stop();
      }
    } finally {
      await admin.disconnect();
    }
  });
});
