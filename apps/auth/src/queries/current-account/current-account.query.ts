import { AppError, PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { type AccountView, findAccount } from '../../infrastructure/accounts.read-model';

/** The caller's own account, including the status of a running closure. */
@Injectable()
export class CurrentAccountQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(accountId: string): Promise<AccountView> {
    const account = await findAccount(this.pool, accountId);
    if (!account) throw new AppError('not-found', 'AUTH.ACCOUNT_NOT_FOUND', 'No such account');
    return account;
  }
}
