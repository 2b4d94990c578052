import { createHash } from 'node:crypto';
import { inTransaction, type SqlClient } from '@blog/sql';
import type { Pool } from 'pg';

export interface ThrottleLimits {
  readonly windowSeconds: number;
  readonly maxPerAccount: number;
  readonly maxPerIp: number;
}

type Scope = 'account' | 'ip';

/** One login attempt, counted as a failure until it is proven right. */
export interface LoginAttempt {
  readonly accountKey: string;
  readonly ipRowId: string;
}

/** Refused before the password is even checked; `retryAfterSeconds` goes into Retry-After. */
export class LoginThrottledError extends Error {
  readonly code = 'AUTH.THROTTLED';

  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed logins; try again later');
    this.name = 'LoginThrottledError';
  }
}

/** Emails are keyed by hash: the table never holds the addresses people typed. */
const accountKeyOf = (email: string) =>
  createHash('sha256').update(email.toLowerCase()).digest('hex');

/**
 * Failed logins per account (email) and per client address, in the auth database so every
 * instance sees them. An attempt is recorded as a failure *before* the password check and
 * cleared when it succeeds, so concurrent guesses count against each other too; the slow
 * password check itself runs outside any transaction or lock.
 */
export class LoginThrottle {
  constructor(
    private readonly pool: Pool,
    private readonly limits: ThrottleLimits,
  ) {}

  async begin(email: string, ip: string): Promise<LoginAttempt> {
    const accountKey = accountKeyOf(email);
    const verdict = await inTransaction(this.pool, async (tx) => {
      // Serialises attempts per account and per address (always in this order, so two
      // attempts never wait on each other crosswise): each one counts all earlier ones.
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), pg_advisory_xact_lock(hashtextextended($2, 0))`,
        [`login:account:${accountKey}`, `login:ip:${ip}`],
      );
      const account = await this.record(tx, 'account', accountKey);
      const address = await this.record(tx, 'ip', ip);
      const waits = await Promise.all([
        this.waitSeconds(tx, 'account', accountKey, account, this.limits.maxPerAccount),
        this.waitSeconds(tx, 'ip', ip, address, this.limits.maxPerIp),
      ]);
      const wait = Math.max(...waits);
      // A refused attempt is not a guess: it must not extend the lock-out.
      if (wait > 0)
        await tx.query(`DELETE FROM login_failures WHERE id IN ($1, $2)`, [account, address]);
      return { wait, address };
    });
    if (verdict.wait > 0) throw new LoginThrottledError(verdict.wait);
    return { accountKey, ipRowId: verdict.address };
  }

  /** The password was right: the account starts afresh and this attempt was no failure. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.pool.query(
      `DELETE FROM login_failures WHERE (scope = 'account' AND key = $1) OR id = $2`,
      [attempt.accountKey, attempt.ipRowId],
    );
  }

  private async record(tx: SqlClient, scope: Scope, key: string): Promise<string> {
    await tx.query(
      `DELETE FROM login_failures
        WHERE scope = $1 AND key = $2 AND failed_at <= now() - make_interval(secs => $3)`,
      [scope, key, this.limits.windowSeconds],
    );
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO login_failures (scope, key) VALUES ($1, $2) RETURNING id::text AS id`,
      [scope, key],
    );
    return rows[0]?.id ?? '0';
  }

  /**
   * 0 when fewer than `max` other failures fall in the window; otherwise the seconds until
   * the `max`-th most recent of them leaves it.
   */
  private async waitSeconds(
    tx: SqlClient,
    scope: Scope,
    key: string,
    ownId: string,
    max: number,
  ): Promise<number> {
    const { rows } = await tx.query<{ wait: number }>(
      `SELECT ceil(extract(epoch FROM failed_at + make_interval(secs => $3) - now()))::int AS wait
         FROM login_failures
        WHERE scope = $1 AND key = $2 AND id <> $4
          AND failed_at > now() - make_interval(secs => $3)
        ORDER BY failed_at DESC, id DESC
       OFFSET $5 LIMIT 1`,
      [scope, key, this.limits.windowSeconds, ownId, max - 1],
    );
    const wait = rows[0]?.wait;
    return wait === undefined ? 0 : Math.max(1, wait);
  }
}
