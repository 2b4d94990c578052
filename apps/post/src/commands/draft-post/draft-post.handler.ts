import { randomUUID } from 'node:crypto';
import { type Cause, eventContextOf, PG_POOL } from '@blog/chassis';
import { EventStore, retryOnConflict } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { decidePost } from '../../domain/post.decide';
import { readKnownBlog } from '../../infrastructure/known-blogs';
import { executeOnPost } from '../../infrastructure/post-event-store';
import { freePostSlug, POST_SLUG_CONSTRAINT } from '../../infrastructure/post-slugs';
import type { PostView } from '../../queries/post.view';
import { findPost } from '../../queries/get-post/get-post.query';
import type { DraftPostRequest } from './draft-post.request.dto';

/** A new DRAFT in the caller's own ACTIVE blog (as post knows it from blog's events). */
@Injectable()
export class DraftPostHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  execute(authorId: string, request: DraftPostRequest, cause: Cause): Promise<PostView> {
    const postId = randomUUID();
    const { blogId, title, body } = request;
    return retryOnConflict(
      () =>
        inTransaction(this.pool, async (tx) => {
          const blog = await readKnownBlog(tx, blogId, 'share');
          const slug = await freePostSlug(tx, blogId, title, postId);
          const command = { type: 'DraftPost', postId, authorId, blog, title, slug, body } as const;
          await executeOnPost(tx, this.store, postId, eventContextOf(cause), (state) =>
            decidePost(command, state),
          );
          const post = await findPost(tx, postId);
          if (!post) throw new Error(`post ${postId} missing from its read model`);
          return post;
        }),
      { uniqueConstraints: [POST_SLUG_CONSTRAINT] },
    );
  }
}
