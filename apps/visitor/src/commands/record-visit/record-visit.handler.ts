import { Inject, Injectable } from '@nestjs/common';
import { AppError, PG_POOL } from '@blog/chassis';
import type { Pool } from 'pg';
import { bucketStart, bucketStripe } from '../../domain/visit-bucket';

export interface RecordVisitCommand {
  readonly postId: string;
  readonly blogId: string | null;
  readonly visitorId: string;
  readonly accountId: string | null;
  readonly at: Date;
}

export interface RecordedVisit {
  readonly postId: string;
  readonly blogId: string;
  /** This visitor's first visit to the post (it counts as a unique visitor). */
  readonly firstVisit: boolean;
}

// The hot path is ONE statement (one round trip, its own implicit transaction): find the
// open post, claim (post, visitor) and (blog, visitor) as first visits if they are, and
// bump one striped minute bucket. A repeat anonymous visit writes only the bucket row.
// The account link is written when the visitor is first seen or their account changes,
// never per view, so anonymisation has a single place to clear.
const RECORD_VISIT = `
  WITH post AS (
    SELECT post_id, blog_id FROM visit_posts
     WHERE post_id = $1 AND status = 'open' AND ($2::uuid IS NULL OR blog_id = $2::uuid)
  ), post_visitor AS (
    INSERT INTO post_visitors (post_id, visitor_id, account_id, first_visit_at)
    SELECT post_id, $3, $4, $5 FROM post
    ON CONFLICT (post_id, visitor_id) DO NOTHING
    RETURNING true AS first
  ), account_link AS (
    UPDATE post_visitors SET account_id = $4
     WHERE $4::text IS NOT NULL AND post_id = $1 AND visitor_id = $3
       AND account_id IS DISTINCT FROM $4::text
       AND EXISTS (SELECT 1 FROM post)
  ), blog_visitor AS (
    INSERT INTO blog_visitors (blog_id, visitor_id, first_visit_at)
    SELECT blog_id, $3, $5 FROM post
    ON CONFLICT (blog_id, visitor_id) DO NOTHING
    RETURNING true AS first
  ), firsts AS (
    SELECT (SELECT count(*) FROM post_visitor)::int AS post_first,
           (SELECT count(*) FROM blog_visitor)::int AS blog_first
  ), bucket AS (
    INSERT INTO visit_buckets AS b
      (post_id, bucket_start, stripe, blog_id, views, post_visitors, blog_visitors)
    SELECT post.post_id, $6, $7, post.blog_id, 1, firsts.post_first, firsts.blog_first
      FROM post, firsts
    ON CONFLICT (post_id, bucket_start, stripe) DO UPDATE SET
      views = b.views + 1,
      post_visitors = b.post_visitors + EXCLUDED.post_visitors,
      blog_visitors = b.blog_visitors + EXCLUDED.blog_visitors
  )
  SELECT post.blog_id, firsts.post_first FROM post, firsts`;

/** Records one visit, or refuses it when visitor has not learned the post is published. */
@Injectable()
export class RecordVisitHandler {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(command: RecordVisitCommand): Promise<RecordedVisit> {
    const { rows } = await this.pool.query<{ blog_id: string; post_first: number }>(RECORD_VISIT, [
      command.postId,
      command.blogId,
      command.visitorId,
      command.accountId,
      command.at,
      bucketStart(command.at),
      bucketStripe(),
    ]);
    const row = rows[0];
    if (!row) {
      throw new AppError('not-found', 'VISITOR.POST_NOT_FOUND', 'No published post with this id', {
        postId: command.postId,
      });
    }
    return { postId: command.postId, blogId: row.blog_id, firstVisit: row.post_first > 0 };
  }
}
