import { randomUUID } from 'node:crypto';
import type { InboundMessage, MessageEnvelope } from '@blog/consumer';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { createProfileStore } from '../../infrastructure/profile-store';
import { userMigrations } from '../../infrastructure/user-migrations';
import { AnonymiseProfileHandler } from '../anonymise-profile/anonymise-profile.handler';
import { ReleaseProfileHandler } from '../release-profile/release-profile.handler';
import { CreateProfileHandler } from './create-profile.handler';

const envelope = (type: string, sagaId: string): MessageEnvelope => ({
  messageId: randomUUID(),
  type,
  correlationId: randomUUID(),
  causationId: null,
  sagaId,
  traceparent: null,
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
});

function message<Payload extends { accountId: string }>(
  type: string,
  payload: Payload,
  sagaId: string = randomUUID(),
): InboundMessage<Payload> {
  return {
    envelope: envelope(type, sagaId),
    payload,
    topic: 'outbox.event.account',
    key: payload.accountId,
  };
}

const registered = (handle: string) =>
  message('AccountRegistered', { accountId: randomUUID(), handle, displayName: 'Spec' });

describe('profiles: unique handles in the appending transaction', () => {
  let database: TestDatabase;
  let pool: Pool;
  const store = createProfileStore();
  const create = new CreateProfileHandler(store);

  const outbox = async (handle: string) =>
    (
      await pool.query<{ type: string; payload: { accountId: string; reason?: string } }>(
        `SELECT type, payload FROM outbox WHERE payload->>'handle' = $1 ORDER BY seq`,
        [handle],
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase('user_profiles');
    await database.migrate(userMigrations);
    pool = database.pool();
  });
  afterAll(() => database.drop());

  it('of concurrent sign-ups with one handle, in any letter case, exactly one wins', async () => {
    const handle = `race_${randomUUID().slice(0, 8)}`;
    const contenders = Array.from({ length: 8 }, () => registered(handle));
    const outcomes = await Promise.all(
      contenders.map((contender) => inTransaction(pool, (tx) => create.execute(tx, contender))),
    );
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'rejected')).toHaveLength(7);

    const winner = contenders[outcomes.indexOf('created')]?.payload.accountId;
    const profiles = await pool.query(`SELECT account_id FROM profiles WHERE lower(handle) = $1`, [
      handle,
    ]);
    expect(profiles.rows).toEqual([{ account_id: winner }]);
    const answers = await outbox(handle);
    expect(answers.filter((row) => row.type === 'ProfileCreated')).toEqual([
      { type: 'ProfileCreated', payload: { accountId: winner, handle } },
    ]);
    expect(answers.filter((row) => row.type === 'ProfileRejected')).toHaveLength(7);
    expect(
      answers.every(
        (row) => row.type === 'ProfileCreated' || row.payload.reason === 'HANDLE_TAKEN',
      ),
    ).toBe(true);
    // Losers leave no stream behind: the savepoint undid their append.
    const streams = await pool.query(
      `SELECT count(*) AS n FROM event_streams WHERE stream_id = ANY($1)`,
      [contenders.map((contender) => `profile-${contender.payload.accountId}`)],
    );
    expect(Number(streams.rows[0]?.n)).toBe(1);
  });

  it('a sign-up that passed the handle check loses at the unique index and still answers', async () => {
    const handle = `late_${randomUUID().slice(0, 8)}`;
    const first = await pool.connect();
    try {
      await first.query('BEGIN');
      await expect(create.execute(first, registered(handle))).resolves.toBe('created');
      // The second one cannot see the uncommitted profile: it inserts and waits on the index.
      const second = inTransaction(pool, (tx) => create.execute(tx, registered(handle)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first.query('COMMIT');
      await expect(second).resolves.toBe('rejected');
    } finally {
      first.release();
    }
    const answers = await outbox(handle);
    expect(answers.map((row) => row.type)).toEqual(['ProfileCreated', 'ProfileRejected']);
  });

  it('the database itself refuses a second profile with the same handle in other letter case', async () => {
    const handle = `case_${randomUUID().slice(0, 8)}`;
    await inTransaction(pool, (tx) => create.execute(tx, registered(handle)));
    await expect(
      pool.query(
        `INSERT INTO profiles (account_id, handle, display_name, status, version, created_at, updated_at)
         VALUES ($1, $2, 'x', 'ACTIVE', 1, now(), now())`,
        [randomUUID(), handle.toUpperCase()],
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'profiles_handle_key' });
  });

  it('releases the handle of an orphan profile when its sign-up failed at auth', async () => {
    const handle = `orphan_${randomUUID().slice(0, 8)}`;
    const signUp = registered(handle);
    await inTransaction(pool, (tx) => create.execute(tx, signUp));
    const timedOut = message(
      'AccountSignUpTimedOut',
      { accountId: signUp.payload.accountId },
      signUp.envelope.sagaId ?? '',
    );
    await inTransaction(pool, (tx) =>
      new ReleaseProfileHandler(store).execute(tx, timedOut, 'TIMED_OUT'),
    );
    const row = await pool.query(`SELECT status, handle FROM profiles WHERE account_id = $1`, [
      signUp.payload.accountId,
    ]);
    expect(row.rows).toEqual([{ status: 'RELEASED', handle: null }]);
    await expect(inTransaction(pool, (tx) => create.execute(tx, registered(handle)))).resolves.toBe(
      'created',
    );
  });

  it('anonymises on account closure and always answers ProfileAnonymised', async () => {
    const handle = `gone_${randomUUID().slice(0, 8)}`;
    const signUp = registered(handle);
    await inTransaction(pool, (tx) => create.execute(tx, signUp));
    await pool.query(`UPDATE profiles SET bio = 'personal details' WHERE account_id = $1`, [
      signUp.payload.accountId,
    ]);
    const closure = message('AccountClosureRequested', { accountId: signUp.payload.accountId });
    const anonymise = new AnonymiseProfileHandler(store);
    await inTransaction(pool, (tx) => anonymise.execute(tx, closure));
    await inTransaction(pool, (tx) =>
      anonymise.execute(
        tx,
        message('AccountClosureRequested', { accountId: signUp.payload.accountId }),
      ),
    );
    const row = await pool.query(
      `SELECT status, handle, display_name, bio FROM profiles WHERE account_id = $1`,
      [signUp.payload.accountId],
    );
    expect(row.rows).toEqual([
      { status: 'ANONYMISED', handle: null, display_name: null, bio: null },
    ]);
    const answers = await pool.query(
      `SELECT saga_id FROM outbox WHERE type = 'ProfileAnonymised' AND aggregateid = $1`,
      [signUp.payload.accountId],
    );
    expect(answers.rows).toHaveLength(2);
    expect(answers.rows[0]).toEqual({ saga_id: closure.envelope.sagaId });
  });
});
