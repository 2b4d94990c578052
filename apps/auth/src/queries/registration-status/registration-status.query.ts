import { AppError, PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AccountStatus } from '../../domain/account.state';

export interface RegistrationStatus {
  readonly accountId: string;
  readonly sagaId: string;
  readonly status: AccountStatus;
  readonly reason?: string;
}

/**
 * A sign-up's outcome for a client that has no token yet. The account id and the saga
 * id together (two random UUIDs, only ever given to the registering client) are the
 * capability; any mismatch is the same 404, and no email or handle is shown.
 */
@Injectable()
export class RegistrationStatusQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(accountId: string, sagaId: string): Promise<RegistrationStatus> {
    const { rows } = await this.pool.query<{ status: AccountStatus; reason: string | null }>(
      `SELECT status, rejection_reason AS reason FROM accounts
        WHERE account_id = $1 AND sign_up_saga_id = $2`,
      [accountId, sagaId],
    );
    const row = rows[0];
    if (!row)
      throw new AppError('not-found', 'AUTH.REGISTRATION_NOT_FOUND', 'No such registration');
    return { accountId, sagaId, status: row.status, ...(row.reason ? { reason: row.reason } : {}) };
  }
}
