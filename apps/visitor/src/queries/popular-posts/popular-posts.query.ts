import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@blog/chassis';
import type { Pool } from 'pg';
import { type VisitWindow, windowStart } from '../../domain/visit-window';

export interface PopularPostsRequest {
  readonly window: VisitWindow;
  readonly limit: number;
  readonly blogId: string | null;
}

export interface PopularPosts {
  readonly window: VisitWindow;
  /** The first minute counted (ISO-8601 UTC). */
  readonly since: string;
  readonly items: readonly { postId: string; blogId: string; views: number }[];
}

/** Most-viewed open posts over a window: sums of the window's buckets, ties by post id. */
@Injectable()
export class PopularPostsQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(request: PopularPostsRequest, now = new Date()): Promise<PopularPosts> {
    const since = windowStart(request.window, now);
    const { rows } = await this.pool.query<{ post_id: string; blog_id: string; views: string }>(
      `SELECT b.post_id, p.blog_id, sum(b.views) AS views
         FROM visit_buckets b JOIN visit_posts p ON p.post_id = b.post_id
        WHERE b.bucket_start >= $1 AND p.status = 'open'
          AND ($3::uuid IS NULL OR b.blog_id = $3::uuid)
        GROUP BY b.post_id, p.blog_id
        ORDER BY views DESC, b.post_id
        LIMIT $2`,
      [since, request.limit, request.blogId],
    );
    return {
      window: request.window,
      since: since.toISOString(),
      items: rows.map((row) => ({
        postId: row.post_id,
        blogId: row.blog_id,
        views: Number(row.views),
      })),
    };
  }
}
