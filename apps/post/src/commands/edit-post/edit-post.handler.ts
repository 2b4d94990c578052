import { type Cause, eventContextOf, PG_POOL } from '@blog/chassis';
import { EventStore, retryOnConflict } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { decidePost } from '../../domain/post.decide';
import { assertIfMatch, type IfMatch } from '../../infrastructure/http/if-match';
import { executeOnPost } from '../../infrastructure/post-event-store';
import { freePostSlug, POST_SLUG_CONSTRAINT } from '../../infrastructure/post-slugs';
import type { PostView } from '../../queries/post.view';
import { findPost } from '../../queries/get-post/get-post.query';
import type { EditPostRequest } from './edit-post.request.dto';

/**
 * Edits a post at the version the client saw. The rules go first, so a post a saga holds
 * answers 409 LOCKED (not a version conflict); then If-Match; then the append, which a
 * concurrent writer turns into a retry that decides again on the new state.
 */
@Injectable()
export class EditPostHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  execute(
    postId: string,
    callerId: string,
    edit: EditPostRequest,
    ifMatch: IfMatch,
    cause: Cause,
  ): Promise<PostView> {
    return retryOnConflict(
      () =>
        inTransaction(this.pool, async (tx) => {
          await executeOnPost(
            tx,
            this.store,
            postId,
            eventContextOf(cause),
            async (state, version) => {
              const slug =
                edit.title !== undefined && state.status !== 'NONE'
                  ? await freePostSlug(tx, state.blogId, edit.title, postId)
                  : undefined;
              const events = decidePost({ type: 'EditPost', callerId, ...edit, slug }, state);
              assertIfMatch(ifMatch, version);
              return events;
            },
          );
          const post = await findPost(tx, postId);
          if (!post) throw new Error(`post ${postId} missing from its read model`);
          return post;
        }),
      { uniqueConstraints: [POST_SLUG_CONSTRAINT] },
    );
  }
}
