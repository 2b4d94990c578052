import { randomUUID } from 'node:crypto';
import {
  consumerMigrations,
  KafkaDeadLetterSink,
  KafkaMessageConsumer,
  MessageProcessor,
  handlerFor,
} from '@blog/consumer';
import { outboxTopic, publishToOutbox } from '@blog/outbox';
import { inTransaction, type SqlClient } from '@blog/sql';
import {
  createTestDatabase,
  ensureTopics,
  STACK,
  stackKafka,
  type TestDatabase,
  uniqueName,
} from '@blog/testing';
import { Pool } from 'pg';
import { z } from 'zod';
import { deadlineAt } from './deadline';
import { cancelDeadline, DeadlineWorker, scheduleDeadline } from './deadline-store';
import { sagaMigrations } from './index';
import { readSagaLog } from './saga-log';
import { republishSagaMessages } from './saga-replay';
import { runSagaStep } from './saga-step-handler';

async function compensations(pool: Pool) {
  return (await pool.query<{ saga_id: string }>(`SELECT saga_id FROM compensations ORDER BY id`))
    .rows;
}

describe('saga deadlines', () => {
  let database: TestDatabase;
  let pool: Pool;
  const compensate = async (tx: SqlClient, deadline: { sagaId: string }) => {
    await tx.query(`INSERT INTO compensations (saga_id) VALUES ($1)`, [deadline.sagaId]);
  };

  beforeAll(async () => {
    database = await createTestDatabase('deadlines');
    await database.migrate(sagaMigrations);
    pool = database.pool();
    await pool.query(`CREATE TABLE compensations (id serial PRIMARY KEY, saga_id text NOT NULL)`);
  });
  afterAll(() => database.drop());
  beforeEach(() => pool.query(`TRUNCATE compensations; TRUNCATE saga_deadlines`));

  it('fires after the service restarts, once, even with two instances polling', async () => {
    await inTransaction(pool, (tx) =>
      scheduleDeadline(tx, {
        sagaId: 'saga-late',
        sagaType: 'delete-blog',
        name: 'participants-confirmed',
        dueAt: deadlineAt(new Date(), 300),
        payload: { blogId: 'b1' },
      }),
    );
    // The instance that scheduled it stops before it is due ("restart").
    const before = new DeadlineWorker(pool, compensate, { intervalMs: 20 });
    before.start();
    await before.stop();
    expect(await compensations(pool)).toEqual([]);

    // Two fresh instances, each with its own pool (as two processes would have).
    const otherPool = new Pool({ connectionString: database.url });
    const workers = [
      new DeadlineWorker(pool, compensate, { intervalMs: 10 }),
      new DeadlineWorker(otherPool, compensate, { intervalMs: 10 }),
    ];
    workers.forEach((worker) => worker.start());
    await new Promise((resolve) => setTimeout(resolve, 800));
    await Promise.all(workers.map((worker) => worker.stop()));
    await otherPool.end();

    expect(await compensations(pool)).toEqual([{ saga_id: 'saga-late' }]);
  });

  it('does not fire once the expected answer cancelled it', async () => {
    await inTransaction(pool, async (tx) => {
      await scheduleDeadline(tx, {
        sagaId: 'saga-answered',
        sagaType: 'publish-post',
        name: 'approval',
        dueAt: new Date(Date.now() - 1_000),
        payload: {},
      });
      expect(await cancelDeadline(tx, 'saga-answered', 'approval')).toBe(true);
    });
    expect(await new DeadlineWorker(pool, compensate).fireDue()).toBe(0);
    expect(await compensations(pool)).toEqual([]);
  });

  it('leaves a deadline due when its compensation fails, and fires it on the next pass', async () => {
    await inTransaction(pool, (tx) =>
      scheduleDeadline(tx, {
        sagaId: 'saga-retry',
        sagaType: 'publish-post',
        name: 'approval',
        dueAt: new Date(Date.now() - 1),
        payload: {},
      }),
    );
    const failing = new DeadlineWorker(pool, async () => {
      throw new Error('database hiccup');
    });
    await expect(failing.fireDue()).rejects.toThrow('database hiccup');
    expect(await new DeadlineWorker(pool, compensate).fireDue()).toBe(1);
    expect(await compensations(pool)).toEqual([{ saga_id: 'saga-retry' }]);
  });
});

describe('saga replay through Debezium', () => {
  it('re-publishes a saga’s messages with their ids; replaying twice has no second effect', async () => {
    const database = await createTestDatabase('replay');
    await database.migrate([...consumerMigrations, ...sagaMigrations]);
    const pool = database.pool();
    await pool.query(`CREATE TABLE profiles (handle text PRIMARY KEY, created int NOT NULL)`);
    const producerDb = new Pool({ connectionString: STACK.serviceDatabaseUrl('user') });
    const kafka = stackKafka('saga-replay-spec');
    const producer = kafka.producer();
    const aggregateType = uniqueName('it-replay').replace(/_/g, '-');
    const sagaId = randomUUID();
    let seen = 0;

    await ensureTopics([outboxTopic(aggregateType)]);
    await producer.connect();
    const consumer = new KafkaMessageConsumer({
      kafka,
      groupId: uniqueName('replay'),
      topics: [outboxTopic(aggregateType)],
      onOutcome: () => (seen += 1),
      processor: new MessageProcessor({
        consumer: 'profiles',
        pool,
        deadLetters: new KafkaDeadLetterSink(producer),
        handlers: [
          handlerFor({
            type: 'AccountRegistered',
            schema: z.object({ handle: z.string() }),
            handle: (tx, message) =>
              runSagaStep(
                tx,
                message,
                { sagaType: 'sign-up', step: 'profile.create' },
                async () => {
                  await tx.query(
                    `INSERT INTO profiles (handle, created) VALUES ($1, 1)
                   ON CONFLICT (handle) DO UPDATE SET created = profiles.created + 1`,
                    [message.payload.handle],
                  );
                  return 'succeeded';
                },
              ),
          }),
        ],
      }),
    });
    await consumer.start();
    const waitSeen = async (count: number) => {
      const deadline = Date.now() + 60_000;
      while (seen < count) {
        if (Date.now() > deadline) throw new Error(`saw ${seen} of ${count} records`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };

    try {
      await inTransaction(producerDb, (tx) =>
        publishToOutbox(
          tx,
          ['ann', 'bob'].map((handle) => ({
            messageId: randomUUID(),
            aggregateType,
            aggregateId: handle,
            type: 'AccountRegistered',
            payload: { handle },
            correlationId: sagaId,
            sagaId,
            occurredAt: new Date(),
            schemaVersion: 1,
          })),
        ),
      );
      await waitSeen(2);

      expect(await inTransaction(producerDb, (tx) => republishSagaMessages(tx, sagaId))).toBe(2);
      expect(await inTransaction(producerDb, (tx) => republishSagaMessages(tx, sagaId))).toBe(2);
      await waitSeen(6);

      const profiles = await pool.query(`SELECT handle, created FROM profiles ORDER BY handle`);
      expect(profiles.rows).toEqual([
        { handle: 'ann', created: 1 },
        { handle: 'bob', created: 1 },
      ]);
      const log = await inTransaction(pool, (tx) => readSagaLog(tx, sagaId));
      expect(log.map((entry) => [entry.step, entry.outcome])).toEqual([
        ['profile.create', 'succeeded'],
        ['profile.create', 'succeeded'],
      ]);
    } finally {
      await consumer.stop();
      await producer.disconnect();
      await producerDb.end();
      await database.drop();
    }
  });
});
