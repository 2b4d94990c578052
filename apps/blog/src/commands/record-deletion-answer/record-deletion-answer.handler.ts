import { causeOfMessage, eventContextOf } from '@blog/chassis';
import type { MessageEnvelope } from '@blog/consumer';
import { EventStore } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import type { BlogCommand } from '../../domain/blog.commands';
import type { DeletionParticipant } from '../../domain/blog.events';
import { executeBlogCommand, SYSTEM_ACTOR } from '../../infrastructure/blog-event-store';
import { announceDeletionOutcome } from '../delete-blog/deletion-outcome';

export type DeletionAnswer =
  | { readonly kind: 'confirmed'; readonly participant: DeletionParticipant }
  | {
      readonly kind: 'refused';
      readonly participant: DeletionParticipant;
      readonly reason: string;
    };

/**
 * A participant's answer to a blog deletion: the last confirmation deletes the blog, a
 * refusal restores it. Answers without a saga id, or for a saga the blog is no longer
 * in (late, after a timeout or a refusal), change nothing.
 */
@Injectable()
export class RecordDeletionAnswerHandler {
  constructor(private readonly store: EventStore) {}

  async execute(
    tx: SqlClient,
    blogId: string,
    answer: DeletionAnswer,
    envelope: MessageEnvelope,
  ): Promise<void> {
    const sagaId = envelope.sagaId;
    if (sagaId === null) return;
    const command: BlogCommand =
      answer.kind === 'confirmed'
        ? { type: 'ConfirmDeletion', sagaId, participant: answer.participant }
        : {
            type: 'RefuseDeletion',
            sagaId,
            participant: answer.participant,
            reason: answer.reason,
          };
    const cause = causeOfMessage(envelope, SYSTEM_ACTOR);
    const { events } = await executeBlogCommand(
      tx,
      this.store,
      blogId,
      command,
      eventContextOf(cause, sagaId),
    );
    await announceDeletionOutcome(tx, blogId, events, cause);
  }
}
