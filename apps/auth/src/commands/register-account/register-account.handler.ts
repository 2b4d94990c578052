import { type Cause, PG_POOL } from '@blog/chassis';
import type { EventStore } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ACCOUNT_STORE } from '../../infrastructure/account-store';
import { AUTH_CONFIG, type AuthConfig } from '../../infrastructure/auth-config';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { registerAccount, type Registration } from './register-account';
import type { RegisterAccountRequest } from './register-account.request.dto';

@Injectable()
export class RegisterAccountHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(ACCOUNT_STORE) private readonly store: EventStore,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(request: RegisterAccountRequest, cause: Cause): Promise<Registration> {
    // Hashing takes tens of milliseconds: outside the transaction, so no lock waits on it.
    const passwordHash = await this.hasher.hash(request.password);
    return inTransaction(this.pool, (tx) =>
      registerAccount(
        tx,
        this.store,
        {
          email: request.email,
          passwordHash,
          handle: request.handle,
          displayName: request.displayName,
          roles: ['user'],
        },
        cause,
        this.config.SIGN_UP_TIMEOUT_MS,
      ),
    );
  }
}
