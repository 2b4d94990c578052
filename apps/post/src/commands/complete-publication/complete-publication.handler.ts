import { causeOfMessage, eventContextOf, messageContextOf } from '@blog/chassis';
import type { MessageEnvelope } from '@blog/consumer';
import { PostMessages } from '@blog/contracts';
import { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { cancelDeadline, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import type { PostCommand } from '../../domain/post.commands';
import { PUBLISH_POST_SAGA } from '../../domain/post.sagas';
import { readKnownBlog } from '../../infrastructure/known-blogs';
import { executePostCommand, SYSTEM_ACTOR } from '../../infrastructure/post-event-store';
import { archiveBlogPostsIfReady } from '../archive-blog-posts/blog-archive';
import { PUBLICATION_DEADLINE } from '../publish-post/publication-deadline';

export type BlogAnswer =
  { readonly kind: 'approved' } | { readonly kind: 'rejected'; readonly reason: string };

/**
 * The blog's answer to a publication. Cancelling the deadline comes first: it fails once
 * the deadline fired, so an answer after the timeout changes nothing (and the row lock
 * orders the two). Locks are taken deadline → blog → post, as the deadline worker does.
 */
@Injectable()
export class CompletePublicationHandler {
  constructor(private readonly store: EventStore) {}

  async execute(
    tx: SqlClient,
    target: { readonly postId: string; readonly blogId: string },
    answer: BlogAnswer,
    envelope: MessageEnvelope,
  ): Promise<void> {
    const sagaId = envelope.sagaId;
    if (sagaId === null) return;
    const { postId, blogId } = target;
    const onTime = await cancelDeadline(tx, sagaId, PUBLICATION_DEADLINE);
    const step =
      answer.kind === 'approved' ? 'post.complete-publication' : 'post.revert-publication';
    if (!onTime) {
      await recordSagaStep(tx, {
        sagaId,
        sagaType: PUBLISH_POST_SAGA,
        step,
        outcome: 'failed',
        messageId: envelope.messageId,
        error: `late ${answer.kind} ignored: the publication is no longer waiting`,
      });
      return;
    }
    await readKnownBlog(tx, blogId, 'update');
    const cause = causeOfMessage(envelope, SYSTEM_ACTOR);
    const publishedAt = new Date().toISOString();
    const command: PostCommand =
      answer.kind === 'approved'
        ? { type: 'CompletePublication', sagaId, publishedAt }
        : { type: 'RevertPublication', sagaId, reason: answer.reason };
    const { state, events } = await executePostCommand(
      tx,
      this.store,
      postId,
      command,
      eventContextOf(cause, sagaId),
    );
    if (events.length === 0 || state.status === 'NONE') return;
    const context = messageContextOf(cause, sagaId);
    await publishToOutbox(tx, [
      answer.kind === 'approved'
        ? outboxMessageOf(
            PostMessages.PostPublished,
            postId,
            {
              postId,
              blogId,
              authorId: state.authorId,
              title: state.title,
              slug: state.slug,
              publishedAt,
            },
            context,
          )
        : outboxMessageOf(
            PostMessages.PublicationReverted,
            postId,
            { postId, blogId, reason: answer.reason },
            context,
          ),
    ]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: PUBLISH_POST_SAGA,
      step,
      outcome: answer.kind === 'approved' ? 'succeeded' : 'compensated',
      messageId: envelope.messageId,
      error: answer.kind === 'rejected' ? answer.reason : null,
    });
    await archiveBlogPostsIfReady(tx, this.store, blogId, cause);
  }
}
