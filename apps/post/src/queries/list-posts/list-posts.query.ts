import { encodeSeqCursor, PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { PostStatus } from '../../domain/post.state';
import { POST_SUMMARY_COLUMNS, type PostRow, type PostSummary, postSummaryOf } from '../post.view';

export interface PostPage {
  readonly items: readonly PostSummary[];
  readonly nextCursor: string | null;
}

export interface ListPostsFilter {
  readonly blogId: string;
  readonly status: Exclude<PostStatus, 'DELETED'> | undefined;
  /** Who asks: their own posts in any status, everyone's PUBLISHED ones. */
  readonly callerId: string | undefined;
  readonly limit: number;
  readonly afterSeq: string | null;
}

/** A blog's posts the caller may see, newest first, one page after `afterSeq`. */
@Injectable()
export class ListPostsQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(filter: ListPostsFilter): Promise<PostPage> {
    const { rows } = await this.pool.query<PostRow>(
      `SELECT ${POST_SUMMARY_COLUMNS} FROM posts
        WHERE blog_id = $1 AND status <> 'DELETED'
          AND (status = 'PUBLISHED' OR author_id = $2::uuid)
          AND ($3::text IS NULL OR status = $3::text)
          AND ($4::bigint IS NULL OR seq < $4::bigint)
        ORDER BY seq DESC LIMIT $5`,
      [
        filter.blogId,
        filter.callerId ?? null,
        filter.status ?? null,
        filter.afterSeq,
        filter.limit + 1,
      ],
    );
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      items: page.map(postSummaryOf),
      nextCursor: rows.length > filter.limit && last ? encodeSeqCursor(last.seq) : null,
    };
  }
}
