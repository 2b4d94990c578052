import { causeOfMessage, eventContextOf, messageContextOf } from '@blog/chassis';
import { AccountMessages } from '@blog/contracts';
import type { InboundMessage } from '@blog/consumer';
import type { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { cancelDeadline, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { ClosureStep } from '../../domain/account.events';
import {
  ACCOUNT_STORE,
  type AccountCommandResult,
  executeAccountCommand,
  SYSTEM_ACTOR,
} from '../../infrastructure/account-store';
import { isUnknownAccount, sagaIdOf } from '../../infrastructure/saga-reply';
import { Sessions } from '../../tokens/sessions';
import { CLOSURE_DEADLINE } from '../close-account/close-account.handler';

/**
 * One participant of close-account has done its part. The last of the four closes the
 * account: AccountClosed, the deadline cancelled, every refresh family revoked.
 */
@Injectable()
export class RecordClosureStepHandler {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: EventStore,
    private readonly sessions: Sessions,
  ) {}

  async execute(
    tx: SqlClient,
    step: ClosureStep,
    message: InboundMessage<{ accountId: string }>,
  ): Promise<void> {
    const { accountId } = message.payload;
    const sagaId = sagaIdOf(message.envelope);
    const cause = causeOfMessage(message.envelope, SYSTEM_ACTOR);
    const log = (name: string, outcome: 'succeeded' | 'failed', error: string | null = null) =>
      recordSagaStep(tx, {
        sagaId,
        sagaType: 'close-account',
        step: name,
        outcome,
        messageId: message.envelope.messageId,
        error,
      });
    let result: AccountCommandResult;
    try {
      result = await executeAccountCommand(
        tx,
        this.store,
        accountId,
        { type: 'CompleteClosureStep', sagaId, step },
        eventContextOf(cause, sagaId),
        {
          beforeAppend: async (events) => {
            if (events.some((event) => event.type === 'AccountClosed')) {
              await cancelDeadline(tx, sagaId, CLOSURE_DEADLINE);
            }
          },
        },
      );
    } catch (error) {
      // Not an account of this service (another environment's or a spec's traffic).
      if (isUnknownAccount(error)) return;
      throw error;
    }
    if (result.events.length === 0) {
      return log(`account.${step}`, 'failed', `ignored: account is ${result.state.status}`);
    }
    await log(`account.${step}`, 'succeeded');
    if (result.state.status !== 'CLOSED') return;
    await this.sessions.refreshTokens.revokeAll(tx, accountId, 'account-closing');
    await publishToOutbox(tx, [
      outboxMessageOf(
        AccountMessages.AccountClosed,
        accountId,
        { accountId },
        messageContextOf(cause, sagaId),
      ),
    ]);
    await log('account.close', 'succeeded');
  }
}
