import { type Cause, eventContextOf, messageContextOf } from '@blog/chassis';
import { AccountMessages } from '@blog/contracts';
import type { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { type Deadline, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCOUNT_STORE, executeAccountCommand } from '../../infrastructure/account-store';
import { isUnknownAccount } from '../../infrastructure/saga-reply';
import { CLOSURE_DEADLINE } from '../close-account/close-account.handler';
import { SIGN_UP_DEADLINE } from '../register-account/register-account';

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * auth's deadlines. Sign-up: no answer from the user service in time → REJECTED
 * (TIMED_OUT). Close-account: AccountClosureTimedOut names the missing participants; no
 * compensation (a profile cannot be un-anonymised), the account stays CLOSING and a replay
 * that brings the missing answers still closes it. Never throws for a deadline that has
 * nothing left to do: one bad deadline must not hold back the others in its batch.
 */
@Injectable()
export class TimeOutSagaHandler {
  private readonly logger = new Logger('deadlines');

  constructor(@Inject(ACCOUNT_STORE) private readonly store: EventStore) {}

  async handle(tx: SqlClient, deadline: Deadline): Promise<void> {
    const accountId = text(deadline.payload['accountId']);
    if (!accountId) {
      this.logger.warn({ message: 'deadline without account id', sagaId: deadline.sagaId });
      return;
    }
    const cause: Cause = {
      correlationId: text(deadline.payload['correlationId']) ?? deadline.sagaId,
      causationId: null,
      actor: 'system:deadline',
    };
    try {
      if (deadline.name === SIGN_UP_DEADLINE) await this.signUp(tx, accountId, deadline, cause);
      else if (deadline.name === CLOSURE_DEADLINE)
        await this.closure(tx, accountId, deadline, cause);
    } catch (error) {
      if (!isUnknownAccount(error)) throw error;
    }
  }

  private async signUp(tx: SqlClient, accountId: string, deadline: Deadline, cause: Cause) {
    const { sagaId } = deadline;
    const result = await executeAccountCommand(
      tx,
      this.store,
      accountId,
      { type: 'TimeOutSignUp', sagaId },
      eventContextOf(cause, sagaId),
    );
    if (result.events.length === 0) return;
    this.logger.warn({ message: 'sign-up timed out: account rejected', sagaId, accountId });
    const message = outboxMessageOf(
      AccountMessages.AccountSignUpTimedOut,
      accountId,
      { accountId },
      messageContextOf(cause, sagaId),
    );
    await publishToOutbox(tx, [message]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: 'sign-up',
      step: 'account.sign-up-deadline',
      outcome: 'timed_out',
      messageId: message.messageId,
    });
  }

  private async closure(tx: SqlClient, accountId: string, deadline: Deadline, cause: Cause) {
    const { sagaId } = deadline;
    const result = await executeAccountCommand(
      tx,
      this.store,
      accountId,
      { type: 'TimeOutClosure', sagaId },
      eventContextOf(cause, sagaId),
    );
    const timedOut = result.events.find((event) => event.type === 'AccountClosureTimedOut');
    if (!timedOut || timedOut.type !== 'AccountClosureTimedOut') return;
    const missing = [...timedOut.data.missing];
    this.logger.warn({ message: 'account closure timed out', sagaId, accountId, missing });
    const message = outboxMessageOf(
      AccountMessages.AccountClosureTimedOut,
      accountId,
      { accountId, missing },
      messageContextOf(cause, sagaId),
    );
    await publishToOutbox(tx, [message]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: 'close-account',
      step: 'account.closure-deadline',
      outcome: 'timed_out',
      messageId: message.messageId,
      error: `missing: ${missing.join(', ')}`,
    });
  }
}
