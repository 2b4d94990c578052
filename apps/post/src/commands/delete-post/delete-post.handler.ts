import { type Cause, eventContextOf, messageContextOf, PG_POOL } from '@blog/chassis';
import { PostMessages } from '@blog/contracts';
import { EventStore, retryOnConflict } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { decidePost } from '../../domain/post.decide';
import { assertIfMatch, type IfMatch } from '../../infrastructure/http/if-match';
import { executeOnPost } from '../../infrastructure/post-event-store';

/**
 * Deletes a post (unless a saga holds it). A published post leaves feeds and counters the
 * way an unpublished one does: the contracts have no PostDeleted, PostUnpublished says it.
 */
@Injectable()
export class DeletePostHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  execute(
    postId: string,
    callerId: string,
    ifMatch: IfMatch | undefined,
    cause: Cause,
  ): Promise<void> {
    return retryOnConflict(() =>
      inTransaction(this.pool, async (tx) => {
        let wasPublished = false;
        const { state } = await executeOnPost(
          tx,
          this.store,
          postId,
          eventContextOf(cause),
          (current, version) => {
            const events = decidePost({ type: 'DeletePost', callerId }, current);
            assertIfMatch(ifMatch, version);
            wasPublished = current.status === 'PUBLISHED';
            return events;
          },
        );
        if (!wasPublished || state.status === 'NONE') return;
        await publishToOutbox(tx, [
          outboxMessageOf(
            PostMessages.PostUnpublished,
            postId,
            { postId, blogId: state.blogId },
            messageContextOf(cause),
          ),
        ]);
      }),
    );
  }
}
