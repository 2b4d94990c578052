import { encodeSeqCursor, PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { BLOG_COLUMNS, type BlogRow, type BlogView, blogViewOf } from '../blog.view';

export interface BlogPage {
  readonly items: readonly BlogView[];
  readonly nextCursor: string | null;
}

/** Blogs that are not deleted (one owner's, or everyone's), newest first, one page after `afterSeq`. */
@Injectable()
export class ListBlogsQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(ownerId: string | null, limit: number, afterSeq: string | null): Promise<BlogPage> {
    const { rows } = await this.pool.query<BlogRow>(
      `SELECT ${BLOG_COLUMNS} FROM blogs
        WHERE ($1::uuid IS NULL OR owner_id = $1) AND status <> 'DELETED' AND ($2::bigint IS NULL OR seq < $2::bigint)
        ORDER BY seq DESC LIMIT $3`,
      [ownerId, afterSeq, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(blogViewOf),
      nextCursor: rows.length > limit && last ? encodeSeqCursor(last.seq) : null,
    };
  }
}
