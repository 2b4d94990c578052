import { DeadlineHost, PG_POOL, SagaAdminController } from '@blog/chassis';
import { Module, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  CLOSURE_DEADLINE,
  CloseAccountHandler,
} from './commands/close-account/close-account.handler';
import { CloseAccountHttpController } from './commands/close-account/close-account.http.controller';
import { CompleteSignUpHandler } from './commands/complete-sign-up/complete-sign-up.handler';
import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogInHttpController } from './commands/log-in/log-in.http.controller';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { LogOutHttpController } from './commands/log-out/log-out.http.controller';
import { RecordClosureStepHandler } from './commands/record-closure-step/record-closure-step.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RefreshSessionHttpController } from './commands/refresh-session/refresh-session.http.controller';
import { SIGN_UP_DEADLINE } from './commands/register-account/register-account';
import { RegisterAccountHandler } from './commands/register-account/register-account.handler';
import { RegisterAccountHttpController } from './commands/register-account/register-account.http.controller';
import { TimeOutSagaHandler } from './commands/time-out-saga/time-out-saga.handler';
import { CloseAccountConsumer } from './consumers/close-account.consumer';
import { SignUpConsumer } from './consumers/sign-up.consumer';
import { ACCOUNT_STORE, createAccountStore } from './infrastructure/account-store';
import { AUTH_CONFIG, type AuthConfig, loadAuthConfig } from './infrastructure/auth-config';
import { LoginThrottle } from './infrastructure/login-throttle';
import { PasswordHasher } from './infrastructure/password-hasher';
import { CurrentAccountHttpController } from './queries/current-account/current-account.http.controller';
import { CurrentAccountQuery } from './queries/current-account/current-account.query';
import { RegistrationStatusHttpController } from './queries/registration-status/registration-status.http.controller';
import { RegistrationStatusQuery } from './queries/registration-status/registration-status.query';
import { AccessTokenIssuer } from './tokens/access-token.issuer';
import { JwksHttpController, SIGNING_KEY } from './tokens/jwks.http.controller';
import { Sessions } from './tokens/sessions';
import { loadSigningKey } from './tokens/signing-key';

const configuration: Provider[] = [{ provide: AUTH_CONFIG, useFactory: () => loadAuthConfig() }];

const infrastructure: Provider[] = [
  { provide: ACCOUNT_STORE, useFactory: createAccountStore },
  { provide: PasswordHasher, useValue: new PasswordHasher() },
  {
    provide: LoginThrottle,
    inject: [PG_POOL, AUTH_CONFIG],
    useFactory: (pool: Pool, config: AuthConfig) =>
      new LoginThrottle(pool, {
        windowSeconds: config.LOGIN_WINDOW_SECONDS,
        maxPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
      }),
  },
];

const tokens: Provider[] = [
  {
    provide: SIGNING_KEY,
    inject: [AUTH_CONFIG],
    useFactory: (config: AuthConfig) => loadSigningKey(config.AUTH_SIGNING_KEY_FILE),
  },
  AccessTokenIssuer,
  Sessions,
];

const commands: Provider[] = [
  RegisterAccountHandler,
  LogInHandler,
  RefreshSessionHandler,
  LogOutHandler,
  CloseAccountHandler,
  CompleteSignUpHandler,
  RecordClosureStepHandler,
  TimeOutSagaHandler,
];

const queries: Provider[] = [RegistrationStatusQuery, CurrentAccountQuery];

/** Inbox handlers: microservice controllers of the inbox transport. */
const consumers = [SignUpConsumer, CloseAccountConsumer];

/** Sign-up and close-account deadlines fire while the app runs; any number of instances may poll. */
const sagas: Provider[] = [
  {
    provide: DeadlineHost,
    inject: [PG_POOL, AUTH_CONFIG, TimeOutSagaHandler],
    useFactory: (pool: Pool, config: AuthConfig, timeOut: TimeOutSagaHandler) =>
      new DeadlineHost(
        pool,
        {
          [SIGN_UP_DEADLINE]: (tx, deadline) => timeOut.handle(tx, deadline),
          [CLOSURE_DEADLINE]: (tx, deadline) => timeOut.handle(tx, deadline),
        },
        { intervalMs: config.DEADLINE_POLL_MS },
      ),
  },
];

/** The auth service: accounts, credentials and tokens (see DESIGN.md). */
@Module({
  controllers: [
    ...consumers,
    JwksHttpController,
    RegisterAccountHttpController,
    RegistrationStatusHttpController,
    LogInHttpController,
    RefreshSessionHttpController,
    LogOutHttpController,
    CurrentAccountHttpController,
    CloseAccountHttpController,
    SagaAdminController,
  ],
  providers: [...configuration, ...infrastructure, ...tokens, ...commands, ...queries, ...sagas],
})
export class AuthModule {}
