import { PG_POOL } from '@blog/chassis';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { REFRESH_TOKEN_PATTERN } from '../../tokens/refresh-tokens';
import { Sessions } from '../../tokens/sessions';

/**
 * Ends the session the refresh token belongs to (its whole family). Idempotent, and silent
 * about tokens that are not the caller's: logging out never tells what exists.
 */
@Injectable()
export class LogOutHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly sessions: Sessions,
  ) {}

  async execute(accountId: string, presented: string): Promise<void> {
    if (!REFRESH_TOKEN_PATTERN.test(presented)) return;
    await inTransaction(this.pool, async (tx) => {
      const family = await this.sessions.refreshTokens.familyOf(tx, presented, accountId);
      if (family) await this.sessions.refreshTokens.revokeFamily(tx, family, 'logout');
    });
  }
}
