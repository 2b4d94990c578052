import { exportJWK, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import { consumerDefinitionOf, type Cause } from '@blog/chassis';
import { inTransaction } from '@blog/sql';
import type { Pool } from 'pg';
import { CloseAccountHandler } from '../commands/close-account/close-account.handler';
import { CompleteSignUpHandler } from '../commands/complete-sign-up/complete-sign-up.handler';
import { LogInHandler } from '../commands/log-in/log-in.handler';
import { LogOutHandler } from '../commands/log-out/log-out.handler';
import { RecordClosureStepHandler } from '../commands/record-closure-step/record-closure-step.handler';
import { RefreshSessionHandler } from '../commands/refresh-session/refresh-session.handler';
import { RegisterAccountHandler } from '../commands/register-account/register-account.handler';
import { TimeOutSagaHandler } from '../commands/time-out-saga/time-out-saga.handler';
import { CloseAccountConsumer } from '../consumers/close-account.consumer';
import { SignUpConsumer } from '../consumers/sign-up.consumer';
import { createAccountStore, executeAccountCommand } from '../infrastructure/account-store';
import { loadAuthConfig } from '../infrastructure/auth-config';
import { LoginThrottle } from '../infrastructure/login-throttle';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { AccessTokenIssuer } from '../tokens/access-token.issuer';
import { Sessions } from '../tokens/sessions';

/**
 * auth's use cases wired by hand over one pool, as the module wires them, for specs that
 * run them against their own database (no HTTP, no Nest container, a throwaway key).
 */
export async function authFixtures(pool: Pool, env: Record<string, string> = {}) {
  const config = loadAuthConfig({ AUTH_SIGNING_KEY_FILE: 'unused-by-specs', ...env });
  const pair = await generateKeyPair('RS256');
  const key = {
    kid: 'spec',
    privateKey: pair.privateKey,
    publicJwk: await exportJWK(pair.publicKey),
  };
  const store = createAccountStore();
  const hasher = new PasswordHasher();
  const sessions = new Sessions(new AccessTokenIssuer(key, config), config);
  const throttle = new LoginThrottle(pool, {
    windowSeconds: config.LOGIN_WINDOW_SECONDS,
    maxPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
  });
  const signUp = new CompleteSignUpHandler(store);
  const closureSteps = new RecordClosureStepHandler(store, sessions);
  return {
    config,
    store,
    sessions,
    throttle,
    publicKey: pair.publicKey,
    register: new RegisterAccountHandler(pool, store, config, hasher),
    logIn: new LogInHandler(pool, throttle, hasher, sessions),
    refresh: new RefreshSessionHandler(pool, sessions),
    logOut: new LogOutHandler(pool, sessions),
    closeAccount: new CloseAccountHandler(pool, store, config, sessions),
    deadlines: new TimeOutSagaHandler(store),
    consumers: [
      consumerDefinitionOf(new SignUpConsumer(signUp)),
      consumerDefinitionOf(new CloseAccountConsumer(closureSteps)),
    ],
  };
}

export type AuthFixtures = Awaited<ReturnType<typeof authFixtures>>;

export const specCause = (correlationId = 'spec'): Cause => ({
  correlationId,
  causationId: null,
  actor: null,
});

export const SPEC_PASSWORD = 'correct horse battery staple';

/** A registered account whose sign-up saga already succeeded. */
export async function activeAccount(
  pool: Pool,
  auth: AuthFixtures,
  email = `${randomUUID()}@example.com`,
) {
  const handle = `h_${randomUUID().slice(0, 8)}`;
  const registration = await auth.register.execute(
    { email, password: SPEC_PASSWORD, handle, displayName: 'Spec' },
    specCause(),
  );
  await inTransaction(pool, (tx) =>
    executeAccountCommand(
      tx,
      auth.store,
      registration.accountId,
      { type: 'ActivateAccount', sagaId: registration.sagaId },
      { correlationId: 'spec', sagaId: registration.sagaId },
    ),
  );
  return { ...registration, email, handle };
}
