import { Inject, Injectable } from '@nestjs/common';
import { AppError, PG_POOL } from '@blog/chassis';
import type { Pool } from 'pg';

export interface PostStats {
  readonly postId: string;
  readonly blogId: string;
  /** Whether the post currently takes visits (it is published). */
  readonly open: boolean;
  readonly views: number;
  readonly uniqueVisitors: number;
}

/** Totals of one post: sums of its minute buckets (a primary-key range scan). */
@Injectable()
export class PostStatsQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(postId: string): Promise<PostStats> {
    const { rows } = await this.pool.query<{
      blog_id: string;
      status: string;
      views: string;
      unique_visitors: string;
    }>(
      `SELECT p.blog_id, p.status,
              COALESCE(sum(b.views), 0) AS views,
              COALESCE(sum(b.post_visitors), 0) AS unique_visitors
         FROM visit_posts p LEFT JOIN visit_buckets b ON b.post_id = p.post_id
        WHERE p.post_id = $1
        GROUP BY p.post_id`,
      [postId],
    );
    const row = rows[0];
    if (!row)
      throw new AppError('not-found', 'VISITOR.POST_NOT_FOUND', 'No published post with this id');
    return {
      postId,
      blogId: row.blog_id,
      open: row.status === 'open',
      views: Number(row.views),
      uniqueVisitors: Number(row.unique_visitors),
    };
  }
}
