import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { authMigrations } from '../../infrastructure/auth-migrations';
import { LoginThrottledError } from '../../infrastructure/login-throttle';
import {
  activeAccount,
  type AuthFixtures,
  authFixtures,
  SPEC_PASSWORD,
} from '../../testing/auth-fixtures';

describe('login throttling, stored in the database', () => {
  let database: TestDatabase;
  let pool: Pool;
  let auth: AuthFixtures;
  /** A second instance of the service: its own pool and its own wiring, the same database. */
  let otherInstance: AuthFixtures;
  let ipCounter = 0;
  const freshIp = () => `192.0.2.${(ipCounter += 1)}`;

  const wrong = (fixtures: AuthFixtures, email: string, ip: string) =>
    fixtures.logIn.execute({ email, password: 'not the password at all' }, ip);

  beforeAll(async () => {
    database = await createTestDatabase('auth_throttle');
    await database.migrate(authMigrations);
    pool = database.pool();
    auth = await authFixtures(pool, { LOGIN_MAX_FAILURES_PER_IP: '8' });
    otherInstance = await authFixtures(database.pool(), { LOGIN_MAX_FAILURES_PER_IP: '8' });
  });
  afterAll(() => database.drop());
  beforeEach(() => pool.query(`TRUNCATE login_failures`));

  it('answers 401 without saying whether the email or the password was wrong', async () => {
    const account = await activeAccount(pool, auth);
    const ip = freshIp();
    const wrongPassword = await wrong(auth, account.email, ip).catch((error: unknown) => error);
    const unknownEmail = await wrong(auth, 'nobody@example.com', ip).catch(
      (error: unknown) => error,
    );
    expect(wrongPassword).toMatchObject({
      kind: 'unauthenticated',
      code: 'AUTH.INVALID_CREDENTIALS',
    });
    expect(unknownEmail).toMatchObject({
      kind: 'unauthenticated',
      code: 'AUTH.INVALID_CREDENTIALS',
    });
    expect((wrongPassword as Error).message).toBe((unknownEmail as Error).message);
  });

  it('throttles an account after 5 failures in the window, even with the right password, on every instance', async () => {
    const account = await activeAccount(pool, auth);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(
        wrong(attempt % 2 ? auth : otherInstance, account.email, freshIp()),
      ).rejects.toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
      });
    }
    const refused = await auth.logIn
      .execute({ email: account.email, password: SPEC_PASSWORD }, freshIp())
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LoginThrottledError);
    expect(refused).toMatchObject({ code: 'AUTH.THROTTLED' });
    const retryAfter = (refused as LoginThrottledError).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    await expect(
      otherInstance.logIn.execute(
        { email: account.email.toUpperCase(), password: SPEC_PASSWORD },
        freshIp(),
      ),
    ).rejects.toBeInstanceOf(LoginThrottledError);
    // Refused attempts are not counted: the lock-out does not grow while it is probed.
    const failures = await pool.query(
      `SELECT count(*) AS n FROM login_failures WHERE scope = 'account'`,
    );
    expect(Number(failures.rows[0]?.n)).toBe(5);
  });

  it('lets the account in again once the oldest failures leave the window', async () => {
    const account = await activeAccount(pool, auth);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await wrong(auth, account.email, freshIp()).catch(() => undefined);
    }
    await expect(
      auth.logIn.execute({ email: account.email, password: SPEC_PASSWORD }, freshIp()),
    ).rejects.toBeInstanceOf(LoginThrottledError);
    // Age one failure past the 15-minute window: four remain, below the limit.
    await pool.query(
      `UPDATE login_failures SET failed_at = now() - interval '16 minutes'
        WHERE id = (SELECT min(id) FROM login_failures WHERE scope = 'account')`,
    );
    await expect(
      auth.logIn.execute({ email: account.email, password: SPEC_PASSWORD }, freshIp()),
    ).resolves.toMatchObject({ accountId: account.accountId });
  });

  it('forgets an account’s failures after a successful login', async () => {
    const account = await activeAccount(pool, auth);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await wrong(auth, account.email, freshIp()).catch(() => undefined);
    }
    await auth.logIn.execute({ email: account.email, password: SPEC_PASSWORD }, freshIp());
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await wrong(auth, account.email, freshIp()).catch(() => undefined);
    }
    await expect(
      auth.logIn.execute({ email: account.email, password: SPEC_PASSWORD }, freshIp()),
    ).resolves.toBeDefined();
  });

  it('throttles an address that fails across many accounts', async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(wrong(auth, `guess-${attempt}@example.com`, ip)).rejects.toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
      });
    }
    const account = await activeAccount(pool, auth);
    await expect(
      otherInstance.logIn.execute({ email: account.email, password: SPEC_PASSWORD }, ip),
    ).rejects.toBeInstanceOf(LoginThrottledError);
    await expect(
      auth.logIn.execute({ email: account.email, password: SPEC_PASSWORD }, freshIp()),
    ).resolves.toBeDefined();
  });

  it('counts concurrent guesses against each other', async () => {
    const account = await activeAccount(pool, auth);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => wrong(auth, account.email, freshIp())),
    );
    const reasons = results.map((result) =>
      result.status === 'rejected' ? (result.reason as { code: string }).code : 'ok',
    );
    expect(reasons.filter((code) => code === 'AUTH.INVALID_CREDENTIALS')).toHaveLength(5);
    expect(reasons.filter((code) => code === 'AUTH.THROTTLED')).toHaveLength(7);
  });
});
