import { AppError, PG_POOL } from '@blog/chassis';
import { inTransaction, type SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Role } from '../../domain/account.events';
import { assertMayLogIn } from '../../domain/login-policy';
import { findAccount } from '../../infrastructure/accounts.read-model';
import { REFRESH_TOKEN_PATTERN, type Rotation } from '../../tokens/refresh-tokens';
import { type Session, Sessions } from '../../tokens/sessions';

const REFUSALS: Record<Extract<Rotation, { ok: false }>['reason'], [string, string]> = {
  unknown: ['AUTH.REFRESH_INVALID', 'The refresh token is not valid'],
  revoked: ['AUTH.REFRESH_INVALID', 'The refresh token is not valid'],
  expired: ['AUTH.REFRESH_EXPIRED', 'The refresh token has expired'],
  reused: ['AUTH.REFRESH_REUSED', 'The refresh token was already used; its session is revoked'],
};

const refusal = (reason: keyof typeof REFUSALS) =>
  new AppError('unauthenticated', ...REFUSALS[reason]);

type Outcome =
  | {
      readonly ok: true;
      readonly accountId: string;
      readonly roles: readonly Role[];
      readonly token: string;
    }
  | { readonly ok: false; readonly error: unknown };

/**
 * Rotation: spend the token, issue its successor, sign a new access token. Refusals are
 * thrown after the transaction commits, so a reuse's family revocation is kept.
 */
@Injectable()
export class RefreshSessionHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly sessions: Sessions,
  ) {}

  async execute(presented: string): Promise<Session> {
    if (!REFRESH_TOKEN_PATTERN.test(presented)) throw refusal('unknown');
    const outcome = await inTransaction(this.pool, (tx): Promise<Outcome> =>
      this.rotate(tx, presented),
    );
    if (!outcome.ok) throw outcome.error;
    return this.sessions.session(outcome.accountId, outcome.roles, outcome.token);
  }

  private async rotate(tx: SqlClient, presented: string): Promise<Outcome> {
    const rotation = await this.sessions.refreshTokens.rotate(tx, presented);
    if (!rotation.ok) return { ok: false, error: refusal(rotation.reason) };
    const account = await findAccount(tx, rotation.accountId);
    try {
      if (!account) throw refusal('unknown');
      assertMayLogIn(account);
      return {
        ok: true,
        accountId: account.accountId,
        roles: account.roles,
        token: rotation.token,
      };
    } catch (error) {
      // Closed, closing or otherwise unable to log in: no session of it survives.
      await this.sessions.refreshTokens.revokeAll(tx, rotation.accountId, 'account-inactive');
      return { ok: false, error };
    }
  }
}
