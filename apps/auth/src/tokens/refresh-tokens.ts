import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqlClient } from '@blog/sql';

/** 256 random bits, base64url: 43 characters. */
export const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only the hash is stored: a copy of the table cannot be replayed as tokens. */
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type RevocationReason = 'reuse-detected' | 'logout' | 'account-closing' | 'account-inactive';

export type Rotation =
  | { readonly ok: true; readonly accountId: string; readonly token: string }
  | {
      readonly ok: false;
      readonly reason: 'unknown' | 'revoked' | 'reused' | 'expired';
      readonly accountId?: string;
    };

interface TokenRow {
  family_id: string;
  account_id: string;
  used_at: Date | null;
  expired: boolean;
  revoked_at: Date | null;
}

/**
 * Opaque, single-use refresh tokens in families: each refresh spends one token and
 * issues its successor in the same family; presenting a spent one means it leaked, so
 * the whole family is revoked. All functions work in the caller's transaction.
 */
export class RefreshTokens {
  constructor(private readonly ttlSeconds: number) {}

  /** A new family (one per login) with its first token. */
  async startFamily(tx: SqlClient, accountId: string): Promise<string> {
    const familyId = randomUUID();
    await tx.query(`INSERT INTO refresh_families (family_id, account_id) VALUES ($1, $2)`, [
      familyId,
      accountId,
    ]);
    return this.issue(tx, familyId, accountId);
  }

  /**
   * Spends `presented` and issues its successor. The row lock makes two concurrent
   * refreshes with one token a reuse: the second one revokes the family.
   */
  async rotate(tx: SqlClient, presented: string): Promise<Rotation> {
    const { rows } = await tx.query<TokenRow>(
      `SELECT t.family_id, t.account_id, t.used_at, t.expires_at <= now() AS expired, f.revoked_at
         FROM refresh_tokens t JOIN refresh_families f USING (family_id)
        WHERE t.token_hash = $1
        FOR UPDATE OF t`,
      [hashRefreshToken(presented)],
    );
    const row = rows[0];
    if (!row) return { ok: false, reason: 'unknown' };
    const accountId = row.account_id;
    if (row.revoked_at) return { ok: false, reason: 'revoked', accountId };
    if (row.used_at) {
      await this.revokeFamily(tx, row.family_id, 'reuse-detected');
      return { ok: false, reason: 'reused', accountId };
    }
    if (row.expired) return { ok: false, reason: 'expired', accountId };
    await tx.query(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1`, [
      hashRefreshToken(presented),
    ]);
    return { ok: true, accountId, token: await this.issue(tx, row.family_id, accountId) };
  }

  /** The family of `presented`, if it belongs to the account. */
  async familyOf(tx: SqlClient, presented: string, accountId: string): Promise<string | null> {
    const { rows } = await tx.query<{ family_id: string }>(
      `SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND account_id = $2`,
      [hashRefreshToken(presented), accountId],
    );
    return rows[0]?.family_id ?? null;
  }

  async revokeFamily(tx: SqlClient, familyId: string, reason: RevocationReason): Promise<void> {
    await tx.query(
      `UPDATE refresh_families SET revoked_at = now(), revoked_reason = $2
        WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, reason],
    );
  }

  async revokeAll(tx: SqlClient, accountId: string, reason: RevocationReason): Promise<number> {
    const { rowCount } = await tx.query(
      `UPDATE refresh_families SET revoked_at = now(), revoked_reason = $2
        WHERE account_id = $1 AND revoked_at IS NULL`,
      [accountId, reason],
    );
    return rowCount ?? 0;
  }

  private async issue(tx: SqlClient, familyId: string, accountId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.query(
      `INSERT INTO refresh_tokens (token_hash, family_id, account_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hashRefreshToken(token), familyId, accountId, this.ttlSeconds],
    );
    return token;
  }
}
