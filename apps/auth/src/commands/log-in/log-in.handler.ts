import { AppError, PG_POOL } from '@blog/chassis';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { assertMayLogIn } from '../../domain/login-policy';
import { findLoginCandidate } from '../../infrastructure/accounts.read-model';
import { LoginThrottle } from '../../infrastructure/login-throttle';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { type Session, Sessions } from '../../tokens/sessions';
import type { LogInRequest } from './log-in.request.dto';

/** One answer for an unknown email and a wrong password: neither is confirmed. */
const invalidCredentials = () =>
  new AppError('unauthenticated', 'AUTH.INVALID_CREDENTIALS', 'Email or password is incorrect');

@Injectable()
export class LogInHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly throttle: LoginThrottle,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
  ) {}

  async execute(request: LogInRequest, clientIp: string): Promise<Session> {
    const attempt = await this.throttle.begin(request.email, clientIp);
    const account = await findLoginCandidate(this.pool, request.email);
    const matches = account
      ? await this.hasher.verify(account.passwordHash, request.password)
      : await this.hasher.burn(request.password);
    if (!account || !matches) throw invalidCredentials();
    await this.throttle.succeeded(attempt);
    assertMayLogIn(account);
    return inTransaction(this.pool, (tx) =>
      this.sessions.start(tx, account.accountId, account.roles),
    );
  }
}
