import { randomUUID } from 'node:crypto';
import { AppError, type Cause, eventContextOf, messageContextOf } from '@blog/chassis';
import { AccountMessages } from '@blog/contracts';
import type { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { deadlineAt, recordSagaStep, scheduleDeadline } from '@blog/saga';
import { isUniqueViolation, type SqlClient } from '@blog/sql';
import type { Role } from '../../domain/account.events';
import { executeAccountCommand } from '../../infrastructure/account-store';
import { isEmailTaken } from '../../infrastructure/accounts.read-model';

export interface NewAccount {
  readonly email: string;
  readonly passwordHash: string;
  readonly handle: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export interface Registration {
  readonly accountId: string;
  readonly sagaId: string;
  readonly status: 'PENDING';
}

export const SIGN_UP_DEADLINE = 'sign-up';

const emailTaken = () =>
  new AppError('conflict', 'AUTH.EMAIL_TAKEN', 'An account with this email already exists');

/**
 * Starts the sign-up saga in the caller's transaction: the account (PENDING) and its
 * read model, its credentials, the AccountRegistered message, the deadline and the saga
 * log entry commit together or not at all.
 */
export async function registerAccount(
  tx: SqlClient,
  store: EventStore,
  account: NewAccount,
  cause: Cause,
  timeoutMs: number,
): Promise<Registration> {
  const accountId = randomUUID();
  const sagaId = randomUUID();
  if (await isEmailTaken(tx, account.email)) throw emailTaken();
  const { passwordHash, ...details } = account;
  try {
    await executeAccountCommand(
      tx,
      store,
      accountId,
      { type: 'RegisterAccount', accountId, sagaId, ...details },
      eventContextOf({ ...cause, actor: accountId }, sagaId),
    );
  } catch (error) {
    // Another registration of the same email committed between the check and the insert.
    if (isUniqueViolation(error, 'accounts_email_key')) throw emailTaken();
    throw error;
  }
  await tx.query(`INSERT INTO credentials (account_id, password_hash) VALUES ($1, $2)`, [
    accountId,
    passwordHash,
  ]);
  const message = outboxMessageOf(
    AccountMessages.AccountRegistered,
    accountId,
    { accountId, handle: account.handle, displayName: account.displayName },
    messageContextOf(cause, sagaId),
  );
  await publishToOutbox(tx, [message]);
  await scheduleDeadline(tx, {
    sagaId,
    sagaType: 'sign-up',
    name: SIGN_UP_DEADLINE,
    dueAt: deadlineAt(new Date(), timeoutMs),
    payload: { accountId, correlationId: cause.correlationId },
  });
  await recordSagaStep(tx, {
    sagaId,
    sagaType: 'sign-up',
    step: 'account.register',
    outcome: 'started',
    messageId: message.messageId,
  });
  return { accountId, sagaId, status: 'PENDING' };
}
