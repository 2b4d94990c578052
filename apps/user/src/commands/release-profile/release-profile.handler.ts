import { causeOfMessage, eventContextOf } from '@blog/chassis';
import type { AccountMessages, PayloadOf } from '@blog/contracts';
import type { InboundMessage } from '@blog/consumer';
import type { EventStore } from '@blog/eventstore';
import { recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import {
  executeProfileCommand,
  PROFILE_STORE,
  SYSTEM_ACTOR,
} from '../../infrastructure/profile-store';

type Failed =
  | InboundMessage<PayloadOf<typeof AccountMessages.AccountRejected>>
  | InboundMessage<PayloadOf<typeof AccountMessages.AccountSignUpTimedOut>>;

/**
 * Sign-up failed at auth after this service created the profile (the deadline fired
 * before auth saw ProfileCreated): the orphan profile is released and its handle freed.
 * No message is sent, none is needed: auth has already rejected the account.
 */
@Injectable()
export class ReleaseProfileHandler {
  constructor(@Inject(PROFILE_STORE) private readonly store: EventStore) {}

  async execute(tx: SqlClient, message: Failed, reason: string): Promise<void> {
    const sagaId = message.envelope.sagaId;
    if (sagaId === null) return;
    const result = await executeProfileCommand(
      tx,
      this.store,
      message.payload.accountId,
      { type: 'ReleaseProfile', sagaId, reason },
      eventContextOf(causeOfMessage(message.envelope, SYSTEM_ACTOR), sagaId),
    );
    if (result.events.length === 0) return;
    await recordSagaStep(tx, {
      sagaId,
      sagaType: 'sign-up',
      step: 'profile.release',
      outcome: 'compensated',
      messageId: message.envelope.messageId,
      error: reason,
    });
  }
}
