import { causeOfMessage, messageContextOf } from '@blog/chassis';
import { BlogMessages, type PayloadOf, type PostMessages } from '@blog/contracts';
import type { InboundMessage } from '@blog/consumer';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { MissingSagaIdError, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import { PUBLISH_POST_SAGA } from '../../domain/blog.sagas';
import type { BlogStatus } from '../../domain/blog.state';
import { publicationRefusal } from '../../domain/publication-policy';
import { SYSTEM_ACTOR } from '../../infrastructure/blog-event-store';

type PublishRequested = PayloadOf<typeof PostMessages.PublishRequested>;

/**
 * Saga 2, blog's step: approve or reject a post's publication. FOR SHARE on the blog's
 * row orders the decision with a concurrent deletion: whichever commits first, the other
 * sees it (a blog being deleted rejects; an approval is followed by the deletion request).
 */
@Injectable()
export class ApprovePublicationHandler {
  async execute(tx: SqlClient, message: InboundMessage<PublishRequested>): Promise<void> {
    const { envelope, payload } = message;
    const sagaId = envelope.sagaId;
    if (sagaId === null) throw new MissingSagaIdError(`PublishRequested ${envelope.messageId}`);
    const { postId, blogId, authorId } = payload;
    const { rows } = await tx.query<{ owner_id: string; status: BlogStatus }>(
      `SELECT owner_id, status FROM blogs WHERE blog_id = $1 FOR SHARE`,
      [blogId],
    );
    const row = rows[0];
    const refusal = publicationRefusal(
      row ? { ownerId: row.owner_id, status: row.status } : null,
      authorId,
    );
    const context = messageContextOf(causeOfMessage(envelope, SYSTEM_ACTOR), sagaId);
    await publishToOutbox(tx, [
      refusal
        ? outboxMessageOf(
            BlogMessages.PublicationRejected,
            blogId,
            { postId, blogId, reason: refusal },
            context,
          )
        : outboxMessageOf(BlogMessages.PublicationApproved, blogId, { postId, blogId }, context),
    ]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: PUBLISH_POST_SAGA,
      step: 'blog.approve-publication',
      outcome: refusal ? 'failed' : 'succeeded',
      messageId: envelope.messageId,
      error: refusal,
    });
  }
}
