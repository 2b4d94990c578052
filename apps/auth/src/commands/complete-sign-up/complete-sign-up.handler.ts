import { type Cause, causeOfMessage, eventContextOf, messageContextOf } from '@blog/chassis';
import { AccountMessages, type PayloadOf, ProfileMessages } from '@blog/contracts';
import type { InboundMessage } from '@blog/consumer';
import type { EventStore } from '@blog/eventstore';
import { type OutboxMessage, publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { cancelDeadline, recordSagaStep, type SagaOutcome } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { AccountCommand } from '../../domain/account.commands';
import {
  ACCOUNT_STORE,
  type AccountCommandResult,
  executeAccountCommand,
  SYSTEM_ACTOR,
} from '../../infrastructure/account-store';
import { isUnknownAccount, sagaIdOf } from '../../infrastructure/saga-reply';
import { SIGN_UP_DEADLINE } from '../register-account/register-account';

type Created = InboundMessage<PayloadOf<typeof ProfileMessages.ProfileCreated>>;
type Rejected = InboundMessage<PayloadOf<typeof ProfileMessages.ProfileRejected>>;

interface Answer {
  readonly accountId: string;
  readonly command: AccountCommand;
  readonly step: string;
  readonly outcome: SagaOutcome;
  readonly reply: (cause: Cause, sagaId: string) => OutboxMessage;
}

/**
 * The sign-up saga's end at its initiator: the user service's answer activates the
 * account or rejects it (compensation). Answers that come after the deadline, twice, or
 * for another saga change nothing and are logged as such.
 */
@Injectable()
export class CompleteSignUpHandler {
  constructor(@Inject(ACCOUNT_STORE) private readonly store: EventStore) {}

  activate(tx: SqlClient, message: Created): Promise<void> {
    const { accountId } = message.payload;
    return this.answer(tx, message, {
      accountId,
      command: { type: 'ActivateAccount', sagaId: sagaIdOf(message.envelope) },
      step: 'account.activate',
      outcome: 'succeeded',
      reply: (cause, sagaId) =>
        outboxMessageOf(
          AccountMessages.AccountActivated,
          accountId,
          { accountId },
          messageContextOf(cause, sagaId),
        ),
    });
  }

  reject(tx: SqlClient, message: Rejected): Promise<void> {
    const { accountId, reason } = message.payload;
    return this.answer(tx, message, {
      accountId,
      command: { type: 'RejectAccount', sagaId: sagaIdOf(message.envelope), reason },
      step: 'account.reject',
      outcome: 'compensated',
      reply: (cause, sagaId) =>
        outboxMessageOf(
          AccountMessages.AccountRejected,
          accountId,
          { accountId, reason },
          messageContextOf(cause, sagaId),
        ),
    });
  }

  private async answer(tx: SqlClient, message: Created | Rejected, answer: Answer) {
    const sagaId = sagaIdOf(message.envelope);
    const cause = causeOfMessage(message.envelope, SYSTEM_ACTOR);
    const log = (
      outcome: SagaOutcome,
      error: string | null,
      messageId = message.envelope.messageId,
    ) =>
      recordSagaStep(tx, {
        sagaId,
        sagaType: 'sign-up',
        step: answer.step,
        outcome,
        messageId,
        error,
      });
    let result: AccountCommandResult;
    try {
      result = await executeAccountCommand(
        tx,
        this.store,
        answer.accountId,
        answer.command,
        eventContextOf(cause, sagaId),
        {
          beforeAppend: async () => {
            await cancelDeadline(tx, sagaId, SIGN_UP_DEADLINE);
          },
        },
      );
    } catch (error) {
      // Not an account of this service (another environment's or a spec's traffic).
      if (isUnknownAccount(error)) return;
      throw error;
    }
    if (result.events.length === 0) {
      const status = result.state.status;
      return log('failed', `ignored: account is ${status}, the answer came late or twice`);
    }
    const reply = answer.reply(cause, sagaId);
    await publishToOutbox(tx, [reply]);
    await log(answer.outcome, null);
  }
}
