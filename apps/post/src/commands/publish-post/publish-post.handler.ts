import { randomUUID } from 'node:crypto';
import { type Cause, eventContextOf, messageContextOf, PG_POOL } from '@blog/chassis';
import { PostMessages } from '@blog/contracts';
import { EventStore, retryOnConflict } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { deadlineAt, recordSagaStep, scheduleDeadline } from '@blog/saga';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { decidePost } from '../../domain/post.decide';
import { PUBLISH_POST_SAGA } from '../../domain/post.sagas';
import { assertIfMatch, type IfMatch } from '../../infrastructure/http/if-match';
import { readKnownBlog } from '../../infrastructure/known-blogs';
import { POST_CONFIG, type PostConfig } from '../../infrastructure/post-config';
import { executeOnPost } from '../../infrastructure/post-event-store';
import { PUBLICATION_DEADLINE, type PublicationDeadlinePayload } from './publication-deadline';

export interface PublicationStarted {
  readonly postId: string;
  readonly sagaId: string;
  readonly status: 'PUBLISHING';
}

/**
 * Starts saga 2. One transaction: the post goes PUBLISHING under the saga's lock (events
 * and read model), the deadline is set, PublishRequested goes to the outbox, the saga log
 * says so. The blog's row is read FOR SHARE, so a deletion of the blog is ordered with it.
 */
@Injectable()
export class PublishPostHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    @Inject(POST_CONFIG) private readonly config: PostConfig,
  ) {}

  execute(
    postId: string,
    callerId: string,
    ifMatch: IfMatch | undefined,
    cause: Cause,
  ): Promise<PublicationStarted> {
    return retryOnConflict(() =>
      inTransaction(this.pool, async (tx) => {
        const sagaId = randomUUID();
        const { state } = await executeOnPost(
          tx,
          this.store,
          postId,
          eventContextOf(cause, sagaId),
          async (current, version) => {
            const blog =
              current.status === 'NONE' ? null : await readKnownBlog(tx, current.blogId, 'share');
            const command = { type: 'RequestPublication', callerId, sagaId, blog } as const;
            const events = decidePost(command, current);
            assertIfMatch(ifMatch, version);
            return events;
          },
        );
        if (state.status === 'NONE') throw new Error(`post ${postId} vanished while publishing`);
        const { blogId, authorId } = state;
        const payload: PublicationDeadlinePayload = {
          postId,
          blogId,
          correlationId: cause.correlationId,
        };
        await scheduleDeadline(tx, {
          sagaId,
          sagaType: PUBLISH_POST_SAGA,
          name: PUBLICATION_DEADLINE,
          dueAt: deadlineAt(new Date(), this.config.POST_PUBLICATION_TIMEOUT_MS),
          payload,
        });
        const message = outboxMessageOf(
          PostMessages.PublishRequested,
          postId,
          { postId, blogId, authorId },
          messageContextOf(cause, sagaId),
        );
        await publishToOutbox(tx, [message]);
        await recordSagaStep(tx, {
          sagaId,
          sagaType: PUBLISH_POST_SAGA,
          step: 'post.request-publication',
          outcome: 'started',
          messageId: message.messageId,
        });
        return { postId, sagaId, status: 'PUBLISHING' as const };
      }),
    );
  }
}
