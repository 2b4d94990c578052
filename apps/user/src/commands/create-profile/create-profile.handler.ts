import { causeOfMessage, eventContextOf, messageContextOf } from '@blog/chassis';
import { type PayloadOf, AccountMessages, ProfileMessages } from '@blog/contracts';
import type { InboundMessage } from '@blog/consumer';
import type { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { MissingSagaIdError, recordSagaStep } from '@blog/saga';
import { isUniqueViolation, type SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import {
  executeProfileCommand,
  PROFILE_STORE,
  SYSTEM_ACTOR,
} from '../../infrastructure/profile-store';

type Registered = InboundMessage<PayloadOf<typeof AccountMessages.AccountRegistered>>;

export type CreateProfileOutcome = 'created' | 'rejected' | 'exists';

export const HANDLE_TAKEN = 'HANDLE_TAKEN';

/**
 * Sign-up's participant step: create the profile if the handle is free, else answer
 * ProfileRejected (HANDLE_TAKEN). The append runs under a savepoint: when a concurrent
 * sign-up commits the same handle first, the unique index refuses this insert, the
 * savepoint undoes it, and the same transaction answers the rejection instead.
 */
@Injectable()
export class CreateProfileHandler {
  constructor(@Inject(PROFILE_STORE) private readonly store: EventStore) {}

  async execute(tx: SqlClient, message: Registered): Promise<CreateProfileOutcome> {
    const { accountId, handle } = message.payload;
    const sagaId = message.envelope.sagaId;
    if (sagaId === null)
      throw new MissingSagaIdError(`AccountRegistered ${accountId} has no saga id`);
    const cause = causeOfMessage(message.envelope, SYSTEM_ACTOR);
    const outcome = await this.create(tx, message, sagaId);
    if (outcome === 'exists') return outcome;
    const reply =
      outcome === 'created'
        ? outboxMessageOf(
            ProfileMessages.ProfileCreated,
            accountId,
            { accountId, handle },
            messageContextOf(cause, sagaId),
          )
        : outboxMessageOf(
            ProfileMessages.ProfileRejected,
            accountId,
            { accountId, handle, reason: HANDLE_TAKEN },
            messageContextOf(cause, sagaId),
          );
    await publishToOutbox(tx, [reply]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: 'sign-up',
      step: 'profile.create',
      outcome: outcome === 'created' ? 'succeeded' : 'failed',
      messageId: message.envelope.messageId,
      error: outcome === 'created' ? null : `${HANDLE_TAKEN}: ${handle}`,
    });
    return outcome;
  }

  private async create(
    tx: SqlClient,
    message: Registered,
    sagaId: string,
  ): Promise<CreateProfileOutcome> {
    const { accountId, handle, displayName } = message.payload;
    const taken = await tx.query(`SELECT 1 FROM profiles WHERE lower(handle) = lower($1)`, [
      handle,
    ]);
    if ((taken.rowCount ?? 0) > 0) return 'rejected';
    await tx.query('SAVEPOINT create_profile');
    try {
      const result = await executeProfileCommand(
        tx,
        this.store,
        accountId,
        { type: 'CreateProfile', accountId, handle, displayName, sagaId },
        eventContextOf(causeOfMessage(message.envelope, SYSTEM_ACTOR), sagaId),
      );
      await tx.query('RELEASE SAVEPOINT create_profile');
      return result.events.length > 0 ? 'created' : 'exists';
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT create_profile');
      if (isUniqueViolation(error, 'profiles_handle_key')) return 'rejected';
      if ((error as { code?: string }).code === 'USER.PROFILE_EXISTS') return 'exists';
      throw error;
    }
  }
}
