import { randomUUID } from 'node:crypto';
import { type Cause, eventContextOf, messageContextOf, PG_POOL } from '@blog/chassis';
import { BlogMessages, freeSlug, slugOf } from '@blog/contracts';
import { EventStore, retryOnConflict } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { inTransaction, type SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { assertAccountNotClosing, lockAccount } from '../../infrastructure/account-closures';
import { executeBlogCommand } from '../../infrastructure/blog-event-store';
import type { BlogView } from '../../queries/blog.view';
import { findBlog } from '../../queries/get-blog/get-blog.query';
import type { CreateBlogRequest } from './create-blog.request.dto';

async function takenSlugs(tx: SqlClient, ownerId: string, base: string): Promise<Set<string>> {
  const { rows } = await tx.query<{ slug: string }>(
    `SELECT slug FROM blogs
      WHERE owner_id = $1 AND status <> 'DELETED' AND (slug = $2 OR slug LIKE $2 || '-%')`,
    [ownerId, base],
  );
  return new Set(rows.map((row) => row.slug));
}

/** A new blog owned by the caller, with the first free slug of its title among theirs. */
@Injectable()
export class CreateBlogHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  execute(ownerId: string, request: CreateBlogRequest, cause: Cause): Promise<BlogView> {
    const blogId = randomUUID();
    const { title, description } = request;
    return retryOnConflict(
      () =>
        inTransaction(this.pool, async (tx) => {
          await lockAccount(tx, ownerId);
          await assertAccountNotClosing(tx, ownerId);
          const base = slugOf(title);
          const slug = freeSlug(base, await takenSlugs(tx, ownerId, base));
          const command = {
            type: 'CreateBlog',
            blogId,
            ownerId,
            title,
            slug,
            description,
          } as const;
          await executeBlogCommand(tx, this.store, blogId, command, eventContextOf(cause));
          await publishToOutbox(tx, [
            outboxMessageOf(
              BlogMessages.BlogCreated,
              blogId,
              { blogId, ownerId, title, slug },
              messageContextOf(cause),
            ),
          ]);
          const blog = await findBlog(tx, blogId);
          if (!blog) throw new Error(`blog ${blogId} missing from its read model`);
          return blog;
        }),
      { uniqueConstraints: ['blogs_owner_slug_key'] },
    );
  }
}
