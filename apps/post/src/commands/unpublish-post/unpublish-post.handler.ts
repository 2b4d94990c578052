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
import type { PostView } from '../../queries/post.view';
import { findPost } from '../../queries/get-post/get-post.query';

/** PUBLISHED → DRAFT; feeds and counters hear PostUnpublished. */
@Injectable()
export class UnpublishPostHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  execute(
    postId: string,
    callerId: string,
    ifMatch: IfMatch | undefined,
    cause: Cause,
  ): Promise<PostView> {
    return retryOnConflict(() =>
      inTransaction(this.pool, async (tx) => {
        const { state } = await executeOnPost(
          tx,
          this.store,
          postId,
          eventContextOf(cause),
          (current, version) => {
            const events = decidePost({ type: 'UnpublishPost', callerId }, current);
            assertIfMatch(ifMatch, version);
            return events;
          },
        );
        if (state.status === 'NONE') throw new Error(`post ${postId} vanished`);
        await publishToOutbox(tx, [
          outboxMessageOf(
            PostMessages.PostUnpublished,
            postId,
            { postId, blogId: state.blogId },
            messageContextOf(cause),
          ),
        ]);
        const post = await findPost(tx, postId);
        if (!post) throw new Error(`post ${postId} missing from its read model`);
        return post;
      }),
    );
  }
}
