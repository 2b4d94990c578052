import { Inject, Injectable } from '@nestjs/common';
import { AppError, PG_POOL } from '@blog/chassis';
import type { Pool } from 'pg';

export interface BlogStats {
  readonly blogId: string;
  /** Posts visitor has seen published on this blog. */
  readonly posts: number;
  readonly views: number;
  /** Distinct visitors of any of the blog's posts. */
  readonly uniqueVisitors: number;
}

@Injectable()
export class BlogStatsQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(blogId: string): Promise<BlogStats> {
    const { rows } = await this.pool.query<{
      posts: string;
      views: string;
      unique_visitors: string;
    }>(
      `SELECT (SELECT count(*) FROM visit_posts WHERE blog_id = $1) AS posts,
              COALESCE(sum(b.views), 0) AS views,
              COALESCE(sum(b.blog_visitors), 0) AS unique_visitors
         FROM visit_blogs blog LEFT JOIN visit_buckets b ON b.blog_id = blog.blog_id
        WHERE blog.blog_id = $1
        GROUP BY blog.blog_id`,
      [blogId],
    );
    const row = rows[0];
    if (!row) throw new AppError('not-found', 'VISITOR.BLOG_NOT_FOUND', 'No blog with this id');
    return {
      blogId,
      posts: Number(row.posts),
      views: Number(row.views),
      uniqueVisitors: Number(row.unique_visitors),
    };
  }
}
