import { randomUUID } from 'node:crypto';
import {
  KafkaDeadLetterSink,
  KafkaMessageConsumer,
  MessageProcessor,
  type ProcessOutcome,
} from '@blog/consumer';
import {
  BlogMessages,
  type MessageContract,
  ProfileMessages,
  SubscriptionMessages,
  VisitorMessages,
} from '@blog/contracts';
import { DeadlineWorker } from '@blog/saga';
import {
  createTestDatabase,
  ensureTopics,
  produceRecords,
  stackKafka,
  type TestDatabase,
  uniqueName,
} from '@blog/testing';
import type { Pool } from 'pg';
import type { ZodType } from 'zod';
import { authMigrations } from '../infrastructure/auth-migrations';
import {
  activeAccount,
  type AuthFixtures,
  authFixtures,
  SPEC_PASSWORD,
  specCause,
} from '../testing/auth-fixtures';

// auth's two consumers against real Kafka and a database of their own. The other
// participants' answers are produced as Debezium's outbox router would shape them, on
// topics of this spec's own (the handlers route on the eventType header, not the topic).
const kafka = stackKafka('auth-sagas-spec');
type Contract = MessageContract<string, ZodType>;

describe('auth sagas: sign-up and close-account answers from Kafka', () => {
  let database: TestDatabase;
  let pool: Pool;
  let auth: AuthFixtures;
  const producer = kafka.producer();
  const running: KafkaMessageConsumer[] = [];
  const outcomes: ProcessOutcome[] = [];
  const topics = new Map<string, string>();

  const answer = (contract: Contract, accountId: string, sagaId: string, payload: object) => ({
    topic: topics.get(contract.topic) ?? contract.topic,
    record: {
      key: accountId,
      value: JSON.stringify(payload),
      headers: {
        id: randomUUID(),
        eventType: contract.type,
        correlationId: randomUUID(),
        sagaId,
        occurredAt: new Date().toISOString(),
        schemaVersion: String(contract.schemaVersion),
      },
    },
  });
  const send = async (...answers: ReturnType<typeof answer>[]) => {
    for (const { topic, record } of answers) await produceRecords(topic, [record]);
  };
  const closureAnswers = (accountId: string, sagaId: string) => ({
    profile: answer(ProfileMessages.ProfileAnonymised, accountId, sagaId, { accountId }),
    blogs: answer(BlogMessages.AccountBlogsDeleted, accountId, sagaId, { accountId, blogIds: [] }),
    subscriptions: answer(SubscriptionMessages.AccountSubscriptionsRemoved, accountId, sagaId, {
      accountId,
      removed: 0,
    }),
    visits: answer(VisitorMessages.AccountVisitsAnonymised, accountId, sagaId, {
      accountId,
      visits: 0,
    }),
  });

  const account = async (accountId: string) =>
    (
      await pool.query<{ status: string; rejection_reason: string | null; version: number }>(
        `SELECT status, rejection_reason, version FROM accounts WHERE account_id = $1`,
        [accountId],
      )
    ).rows[0];
  const until = async (done: () => Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const sent = async (accountId: string) =>
    (
      await pool.query<{ type: string }>(
        `SELECT type FROM outbox WHERE aggregateid = $1 ORDER BY seq`,
        [accountId],
      )
    ).rows.map((row) => row.type);
  const deadline = async (sagaId: string) =>
    (
      await pool.query(`SELECT fired_at, cancelled_at FROM saga_deadlines WHERE saga_id = $1`, [
        sagaId,
      ])
    ).rows[0];
  const fireDeadline = async (sagaId: string) => {
    await pool.query(`UPDATE saga_deadlines SET due_at = now() WHERE saga_id = $1`, [sagaId]);
    return new DeadlineWorker(pool, (tx, due) => auth.deadlines.handle(tx, due)).fireDue();
  };

  beforeAll(async () => {
    database = await createTestDatabase('auth_sagas');
    await database.migrate(authMigrations);
    pool = database.pool();
    auth = await authFixtures(pool);
    for (const definition of auth.consumers) {
      for (const topic of definition.topics) {
        topics.set(
          topic,
          uniqueName(`outbox.event.it-${topic.split('.').at(-1)}`).replace(/_/g, '-'),
        );
      }
    }
    await ensureTopics([...topics.values()]);
    await producer.connect();
    for (const definition of auth.consumers) {
      const consumer = new KafkaMessageConsumer({
        kafka,
        groupId: uniqueName(definition.name),
        topics: definition.topics.map((topic) => topics.get(topic) ?? topic),
        onOutcome: (outcome) => outcomes.push(outcome),
        processor: new MessageProcessor({
          consumer: definition.name,
          pool,
          handlers: definition.handlers,
          deadLetters: new KafkaDeadLetterSink(producer),
          retry: { attempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 },
        }),
      });
      await consumer.start();
      running.push(consumer);
    }
  });
  afterAll(async () => {
    await Promise.all(running.map((consumer) => consumer.stop()));
    await producer.disconnect();
    await database.drop();
  });

  it('sign-up: ProfileCreated activates the account, cancels the deadline and says AccountActivated', async () => {
    const { accountId, sagaId } = await auth.register.execute(
      {
        email: `${randomUUID()}@example.com`,
        password: SPEC_PASSWORD,
        handle: 'ann',
        displayName: 'Ann',
      },
      specCause(),
    );
    await send(
      answer(ProfileMessages.ProfileCreated, accountId, sagaId, { accountId, handle: 'ann' }),
    );
    await until(async () => (await account(accountId))?.status === 'ACTIVE');
    expect(await sent(accountId)).toEqual(['AccountRegistered', 'AccountActivated']);
    expect(await deadline(sagaId)).toMatchObject({
      fired_at: null,
      cancelled_at: expect.any(Date),
    });
    const log = await pool.query(
      `SELECT step, outcome FROM saga_log WHERE saga_id = $1 ORDER BY id`,
      [sagaId],
    );
    expect(log.rows).toEqual([
      { step: 'account.register', outcome: 'started' },
      { step: 'account.activate', outcome: 'succeeded' },
    ]);
  });

  it('sign-up: ProfileRejected rejects the account with the reason (compensation)', async () => {
    const email = `${randomUUID()}@example.com`;
    const { accountId, sagaId } = await auth.register.execute(
      { email, password: SPEC_PASSWORD, handle: 'taken', displayName: 'Bob' },
      specCause(),
    );
    await send(
      answer(ProfileMessages.ProfileRejected, accountId, sagaId, {
        accountId,
        handle: 'taken',
        reason: 'HANDLE_TAKEN',
      }),
    );
    await until(async () => (await account(accountId))?.status === 'REJECTED');
    expect(await account(accountId)).toMatchObject({ rejection_reason: 'HANDLE_TAKEN' });
    expect(await sent(accountId)).toEqual(['AccountRegistered', 'AccountRejected']);
    await expect(
      auth.logIn.execute({ email, password: SPEC_PASSWORD }, '198.51.100.1'),
    ).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'AUTH.ACCOUNT_REJECTED',
      details: { reason: 'HANDLE_TAKEN' },
    });
  });

  it('sign-up: after the deadline a late ProfileCreated does not re-activate the account', async () => {
    const { accountId, sagaId } = await auth.register.execute(
      {
        email: `${randomUUID()}@example.com`,
        password: SPEC_PASSWORD,
        handle: 'slow',
        displayName: 'Slow',
      },
      specCause(),
    );
    expect(await fireDeadline(sagaId)).toBe(1);
    expect(await account(accountId)).toMatchObject({
      status: 'REJECTED',
      rejection_reason: 'TIMED_OUT',
    });
    await send(
      answer(ProfileMessages.ProfileCreated, accountId, sagaId, { accountId, handle: 'slow' }),
    );
    await until(async () => {
      const log = await pool.query(
        `SELECT 1 FROM saga_log WHERE saga_id = $1 AND step = 'account.activate'`,
        [sagaId],
      );
      return (log.rowCount ?? 0) > 0;
    });
    expect(await account(accountId)).toMatchObject({
      status: 'REJECTED',
      rejection_reason: 'TIMED_OUT',
    });
    expect(await sent(accountId)).toEqual(['AccountRegistered', 'AccountSignUpTimedOut']);
    const log = await pool.query(
      `SELECT step, outcome FROM saga_log WHERE saga_id = $1 ORDER BY id`,
      [sagaId],
    );
    expect(log.rows).toEqual([
      { step: 'account.register', outcome: 'started' },
      { step: 'account.sign-up-deadline', outcome: 'timed_out' },
      { step: 'account.activate', outcome: 'failed' },
    ]);
  });

  it('close-account: CLOSED after all four participants answered, once, even with a duplicate', async () => {
    const active = await activeAccount(pool, auth);
    const session = await auth.logIn.execute(
      { email: active.email, password: SPEC_PASSWORD },
      '198.51.100.2',
    );
    const { sagaId } = await auth.closeAccount.execute(active.accountId, specCause());
    expect(await account(active.accountId)).toMatchObject({ status: 'CLOSING' });
    const answers = closureAnswers(active.accountId, sagaId);
    await send(answers.profile, answers.profile, answers.blogs, answers.subscriptions);
    await until(async () => (await account(active.accountId))?.version === 6);
    expect(await account(active.accountId)).toMatchObject({ status: 'CLOSING' });
    await send(answers.visits);
    await until(async () => (await account(active.accountId))?.status === 'CLOSED');

    expect(await sent(active.accountId)).toEqual([
      'AccountRegistered',
      'AccountClosureRequested',
      'AccountClosed',
    ]);
    expect(await deadline(sagaId)).toMatchObject({
      fired_at: null,
      cancelled_at: expect.any(Date),
    });
    await expect(
      auth.logIn.execute({ email: active.email, password: SPEC_PASSWORD }, '198.51.100.2'),
    ).rejects.toMatchObject({ code: 'AUTH.ACCOUNT_CLOSED' });
    await expect(auth.refresh.execute(session.refreshToken)).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    const families = await pool.query(
      `SELECT count(*) AS n FROM refresh_families WHERE account_id = $1 AND revoked_at IS NULL`,
      [active.accountId],
    );
    expect(families.rows).toEqual([{ n: '0' }]);
  });

  it('close-account: the deadline names the missing answers; late answers still close the account', async () => {
    const active = await activeAccount(pool, auth);
    const { sagaId } = await auth.closeAccount.execute(active.accountId, specCause());
    const answers = closureAnswers(active.accountId, sagaId);
    await send(answers.profile, answers.visits);
    await until(async () => (await account(active.accountId))?.version === 5);
    expect(await fireDeadline(sagaId)).toBe(1);

    const timedOut = await pool.query(
      `SELECT payload FROM outbox WHERE aggregateid = $1 AND type = 'AccountClosureTimedOut'`,
      [active.accountId],
    );
    expect(timedOut.rows).toEqual([
      {
        payload: {
          accountId: active.accountId,
          missing: ['AccountBlogsDeleted', 'AccountSubscriptionsRemoved'],
        },
      },
    ]);
    expect(await account(active.accountId)).toMatchObject({ status: 'CLOSING' });
    await expect(auth.closeAccount.execute(active.accountId, specCause())).rejects.toMatchObject({
      code: 'LOCKED',
      lock: { sagaId, sagaType: 'close-account' },
    });

    await send(answers.blogs, answers.subscriptions);
    await until(async () => (await account(active.accountId))?.status === 'CLOSED');
    expect(outcomes).not.toContain('dead-lettered');
  });
});
