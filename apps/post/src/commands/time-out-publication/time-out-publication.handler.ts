import { type Cause, eventContextOf, messageContextOf } from '@blog/chassis';
import { PostMessages } from '@blog/contracts';
import { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { type Deadline, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import { PUBLISH_POST_SAGA } from '../../domain/post.sagas';
import { readKnownBlog } from '../../infrastructure/known-blogs';
import { executePostCommand, SYSTEM_ACTOR } from '../../infrastructure/post-event-store';
import { archiveBlogPostsIfReady } from '../archive-blog-posts/blog-archive';
import { publicationDeadlinePayload } from '../publish-post/publication-deadline';

/**
 * No answer from the blog in time: the post is DRAFT again (PublicationTimedOut). Runs in
 * the deadline worker's transaction, which marks the deadline fired with it.
 */
@Injectable()
export class TimeOutPublicationHandler {
  constructor(private readonly store: EventStore) {}

  async execute(tx: SqlClient, deadline: Deadline): Promise<void> {
    if (deadline.sagaType !== PUBLISH_POST_SAGA) return;
    const { postId, blogId, correlationId } = publicationDeadlinePayload.parse(deadline.payload);
    const { sagaId } = deadline;
    const cause: Cause = {
      correlationId,
      causationId: null,
      actor: SYSTEM_ACTOR,
    };
    await readKnownBlog(tx, blogId, 'update');
    const { events } = await executePostCommand(
      tx,
      this.store,
      postId,
      { type: 'TimeOutPublication', sagaId },
      eventContextOf(cause, sagaId),
    );
    if (events.length === 0) return;
    await publishToOutbox(tx, [
      outboxMessageOf(
        PostMessages.PublicationTimedOut,
        postId,
        { postId, blogId },
        messageContextOf(cause, sagaId),
      ),
    ]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: PUBLISH_POST_SAGA,
      step: 'post.time-out-publication',
      outcome: 'timed_out',
      error: 'no answer from blog before the deadline',
    });
    await archiveBlogPostsIfReady(tx, this.store, blogId, cause);
  }
}
