import { causeOfMessage, eventContextOf, messageContextOf } from '@blog/chassis';
import { type AccountMessages, type PayloadOf, ProfileMessages } from '@blog/contracts';
import type { InboundMessage } from '@blog/consumer';
import type { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { MissingSagaIdError, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import {
  executeProfileCommand,
  PROFILE_STORE,
  SYSTEM_ACTOR,
} from '../../infrastructure/profile-store';

type ClosureRequested = InboundMessage<PayloadOf<typeof AccountMessages.AccountClosureRequested>>;

/**
 * Close-account's profile step: handle freed, display name and bio erased. Always
 * answers ProfileAnonymised, also when there was nothing (left) to erase, so the
 * initiator's saga can complete.
 */
@Injectable()
export class AnonymiseProfileHandler {
  constructor(@Inject(PROFILE_STORE) private readonly store: EventStore) {}

  async execute(tx: SqlClient, message: ClosureRequested): Promise<void> {
    const { accountId } = message.payload;
    const sagaId = message.envelope.sagaId;
    if (sagaId === null) {
      throw new MissingSagaIdError(`AccountClosureRequested ${accountId} has no saga id`);
    }
    const cause = causeOfMessage(message.envelope, SYSTEM_ACTOR);
    await executeProfileCommand(
      tx,
      this.store,
      accountId,
      { type: 'AnonymiseProfile', sagaId },
      eventContextOf(cause, sagaId),
    );
    await publishToOutbox(tx, [
      outboxMessageOf(
        ProfileMessages.ProfileAnonymised,
        accountId,
        { accountId },
        messageContextOf(cause, sagaId),
      ),
    ]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: 'close-account',
      step: 'profile.anonymise',
      outcome: 'succeeded',
      messageId: message.envelope.messageId,
    });
  }
}
