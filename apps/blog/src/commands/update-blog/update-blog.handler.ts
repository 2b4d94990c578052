import { type Cause, eventContextOf, PG_POOL } from '@blog/chassis';
import { EventStore, retryOnConflict } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { executeBlogCommand } from '../../infrastructure/blog-event-store';
import type { BlogView } from '../../queries/blog.view';
import { findBlog } from '../../queries/get-blog/get-blog.query';
import type { UpdateBlogRequest } from './update-blog.request.dto';

/** Title and description, by the owner, unless a deletion holds the blog. */
@Injectable()
export class UpdateBlogHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  execute(
    blogId: string,
    callerId: string,
    request: UpdateBlogRequest,
    cause: Cause,
  ): Promise<BlogView> {
    return retryOnConflict(() =>
      inTransaction(this.pool, async (tx) => {
        const command = { type: 'UpdateBlog', callerId, ...request } as const;
        await executeBlogCommand(tx, this.store, blogId, command, eventContextOf(cause));
        const blog = await findBlog(tx, blogId);
        if (!blog) throw new Error(`blog ${blogId} missing from its read model`);
        return blog;
      }),
    );
  }
}
