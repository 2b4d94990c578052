import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { authMigrations } from '../../infrastructure/auth-migrations';
import { type AuthFixtures, authFixtures, specCause } from '../../testing/auth-fixtures';

describe('register account: one transaction for events, read model, outbox, deadline', () => {
  let database: TestDatabase;
  let pool: Pool;
  let auth: AuthFixtures;

  const request = (overrides: Partial<{ email: string; handle: string }> = {}) => ({
    email: `${randomUUID()}@example.com`,
    password: 'correct horse battery staple',
    handle: 'ann',
    displayName: 'Ann',
    ...overrides,
  });
  const count = async (table: string, where = 'true', values: unknown[] = []) =>
    Number(
      (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, values))
        .rows[0]?.n,
    );

  beforeAll(async () => {
    database = await createTestDatabase('auth_register');
    await database.migrate(authMigrations);
    pool = database.pool();
    auth = await authFixtures(pool);
  });
  afterAll(() => database.drop());

  it('writes the event, the PENDING account, credentials, the outbox row, the deadline and the saga log', async () => {
    const input = request();
    const { accountId, sagaId, status } = await auth.register.execute(input, specCause('corr-1'));
    expect(status).toBe('PENDING');

    const events = await pool.query(
      `SELECT type, data, metadata FROM events WHERE stream_id = $1`,
      [`account-${accountId}`],
    );
    expect(events.rows).toEqual([
      {
        type: 'AccountRegistered',
        data: {
          accountId,
          email: input.email,
          handle: 'ann',
          displayName: 'Ann',
          roles: ['user'],
          sagaId,
        },
        metadata: expect.objectContaining({ correlationId: 'corr-1', sagaId }),
      },
    ]);
    expect(JSON.stringify(events.rows)).not.toContain(input.password);

    const account = await pool.query(
      `SELECT status, email, roles, sign_up_saga_id FROM accounts WHERE account_id = $1`,
      [accountId],
    );
    expect(account.rows).toEqual([
      { status: 'PENDING', email: input.email, roles: ['user'], sign_up_saga_id: sagaId },
    ]);
    const credentials = await pool.query(
      `SELECT password_hash FROM credentials WHERE account_id = $1`,
      [accountId],
    );
    expect(credentials.rows[0]?.password_hash).toMatch(/^\$argon2id\$/);

    const outbox = await pool.query(
      `SELECT aggregatetype, aggregateid, type, payload, saga_id, correlation_id FROM outbox`,
    );
    expect(outbox.rows).toEqual([
      {
        aggregatetype: 'account',
        aggregateid: accountId,
        type: 'AccountRegistered',
        payload: { accountId, handle: 'ann', displayName: 'Ann' },
        saga_id: sagaId,
        correlation_id: 'corr-1',
      },
    ]);
    expect(await count('saga_deadlines', `saga_id = $1 AND name = 'sign-up'`, [sagaId])).toBe(1);
    expect(await count('saga_log', `saga_id = $1 AND outcome = 'started'`, [sagaId])).toBe(1);
  });

  it('writes nothing at all when any write in the transaction fails (rollback)', async () => {
    const tables = [
      'events',
      'event_streams',
      'accounts',
      'credentials',
      'outbox',
      'saga_deadlines',
      'saga_log',
    ];
    const before = await Promise.all(tables.map((table) => count(table)));
    // The outbox insert comes after the append and its projection: make it fail.
    await pool.query(
      `ALTER TABLE outbox ADD CONSTRAINT spec_refuses_accounts CHECK (aggregatetype <> 'account') NOT VALID`,
    );
    try {
      await expect(
        auth.register.execute(request({ handle: 'bob' }), specCause()),
      ).rejects.toMatchObject({
        code: '23514',
      });
    } finally {
      await pool.query(`ALTER TABLE outbox DROP CONSTRAINT spec_refuses_accounts`);
    }
    expect(await Promise.all(tables.map((table) => count(table)))).toEqual(before);
  });

  it('refuses a second live account for an email, in any letter case, with 409 AUTH.EMAIL_TAKEN', async () => {
    const email = `${randomUUID()}@example.com`;
    await auth.register.execute(request({ email }), specCause());
    await expect(
      auth.register.execute(request({ email: email.toUpperCase() }), specCause()),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'AUTH.EMAIL_TAKEN' });
  });

  it('lets exactly one of two concurrent registrations of one email through', async () => {
    const email = `${randomUUID()}@example.com`;
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => auth.register.execute(request({ email }), specCause())),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((each) => each.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'AUTH.EMAIL_TAKEN' });
    }
    expect(await count('accounts', 'email = $1', [email])).toBe(1);
  });

  it('frees the email of a rejected sign-up for a new attempt', async () => {
    const email = `${randomUUID()}@example.com`;
    const first = await auth.register.execute(request({ email }), specCause());
    await pool.query(`UPDATE accounts SET status = 'REJECTED' WHERE account_id = $1`, [
      first.accountId,
    ]);
    await expect(auth.register.execute(request({ email }), specCause())).resolves.toMatchObject({
      status: 'PENDING',
    });
  });
});
