import { createTestDatabase, type TestDatabase } from '@blog/testing';
import { jwtVerify } from 'jose';
import type { Pool } from 'pg';
import { authMigrations } from '../infrastructure/auth-migrations';
import {
  activeAccount,
  type AuthFixtures,
  authFixtures,
  SPEC_PASSWORD,
  specCause,
} from '../testing/auth-fixtures';

describe('sessions: login, refresh rotation, reuse detection, logout', () => {
  let database: TestDatabase;
  let pool: Pool;
  let auth: AuthFixtures;

  const logIn = async () => {
    const account = await activeAccount(pool, auth);
    const session = await auth.logIn.execute(
      { email: account.email, password: SPEC_PASSWORD },
      '10.0.0.1',
    );
    return { account, session };
  };
  const family = async (accountId: string) =>
    (
      await pool.query<{ revoked_reason: string | null }>(
        `SELECT revoked_reason FROM refresh_families WHERE account_id = $1`,
        [accountId],
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase('auth_sessions');
    await database.migrate(authMigrations);
    pool = database.pool();
    auth = await authFixtures(pool);
  });
  afterAll(() => database.drop());

  it('issues an RS256 access token with the claims every verifier checks, and stores only a hash of the refresh token', async () => {
    const { account, session } = await logIn();
    const { payload, protectedHeader } = await jwtVerify(session.accessToken, auth.publicKey, {
      issuer: 'blog-auth',
      audience: 'blog-api',
      algorithms: ['RS256'],
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: 'spec' });
    expect(payload).toMatchObject({
      sub: account.accountId,
      roles: ['user'],
      jti: expect.any(String),
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
    const stored = await pool.query(`SELECT token_hash FROM refresh_tokens WHERE account_id = $1`, [
      account.accountId,
    ]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(session.refreshToken);
  });

  it('rotates: each refresh spends its token and returns a new one in the same family', async () => {
    const { account, session } = await logIn();
    const second = await auth.refresh.execute(session.refreshToken);
    const third = await auth.refresh.execute(second.refreshToken);
    expect(new Set([session.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);
    expect(third.accountId).toBe(account.accountId);
    const families = await pool.query(
      `SELECT count(DISTINCT family_id) AS families, count(*) AS tokens, count(used_at) AS used
         FROM refresh_tokens WHERE account_id = $1`,
      [account.accountId],
    );
    expect(families.rows).toEqual([{ families: '1', tokens: '3', used: '2' }]);
  });

  it('treats a spent token as stolen: the whole family is revoked, the newest token too', async () => {
    const { account, session } = await logIn();
    const rotated = await auth.refresh.execute(session.refreshToken);
    await expect(auth.refresh.execute(session.refreshToken)).rejects.toMatchObject({
      kind: 'unauthenticated',
      code: 'AUTH.REFRESH_REUSED',
    });
    expect(await family(account.accountId)).toEqual([{ revoked_reason: 'reuse-detected' }]);
    await expect(auth.refresh.execute(rotated.refreshToken)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
  });

  it('lets only one of two concurrent refreshes with one token win, and then revokes the family', async () => {
    const { account, session } = await logIn();
    const results = await Promise.allSettled([
      auth.refresh.execute(session.refreshToken),
      auth.refresh.execute(session.refreshToken),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await family(account.accountId)).toEqual([{ revoked_reason: 'reuse-detected' }]);
  });

  it('keeps other sessions (families) of the account when one is revoked', async () => {
    const { account, session } = await logIn();
    const other = await auth.logIn.execute(
      { email: account.email, password: SPEC_PASSWORD },
      '10.0.0.1',
    );
    await auth.refresh.execute(session.refreshToken);
    await expect(auth.refresh.execute(session.refreshToken)).rejects.toBeDefined();
    await expect(auth.refresh.execute(other.refreshToken)).resolves.toMatchObject({
      accountId: account.accountId,
    });
  });

  it('refuses unknown, malformed and expired tokens', async () => {
    await expect(auth.refresh.execute('A'.repeat(43))).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
    await expect(auth.refresh.execute("' OR 1=1 --")).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
    const { account, session } = await logIn();
    await pool.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE account_id = $1`,
      [account.accountId],
    );
    await expect(auth.refresh.execute(session.refreshToken)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_EXPIRED',
    });
  });

  it('logout revokes the session it names, only for its owner', async () => {
    const { account, session } = await logIn();
    const stranger = await logIn();
    await auth.logOut.execute(stranger.account.accountId, session.refreshToken);
    await expect(auth.refresh.execute(session.refreshToken)).resolves.toBeDefined();
    const current = await auth.logIn.execute(
      { email: account.email, password: SPEC_PASSWORD },
      '10.0.0.1',
    );
    await auth.logOut.execute(account.accountId, current.refreshToken);
    await expect(auth.refresh.execute(current.refreshToken)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
  });

  it('refuses refresh once the account is closing, and revokes every family', async () => {
    const { account, session } = await logIn();
    await auth.closeAccount.execute(account.accountId, specCause());
    await expect(auth.refresh.execute(session.refreshToken)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
    expect(await family(account.accountId)).toEqual([{ revoked_reason: 'account-closing' }]);
  });
});
