import { Inject, Injectable, Logger } from '@nestjs/common';
import { PG_POOL } from '@blog/chassis';
import { inTransaction, type SqlClient } from '@blog/sql';
import type { Pool } from 'pg';
import { compactionCutoff } from '../domain/visit-window';

const EVERY_MS = 10 * 60_000;

// Fold every old minute/stripe row into its (post, UTC day, stripe 0) row. A day row is
// itself day-aligned with stripe 0, so it is never deleted, only added to; sums — and so
// every total — are unchanged. Visits never write buckets this old.
const COMPACT = `
  WITH folded AS (
    DELETE FROM visit_buckets
     WHERE bucket_start < $1
       AND (stripe <> 0 OR bucket_start <> date_trunc('day', bucket_start, 'UTC'))
    RETURNING *
  )
  INSERT INTO visit_buckets AS b
    (post_id, bucket_start, stripe, blog_id, views, post_visitors, blog_visitors)
  SELECT post_id, date_trunc('day', bucket_start, 'UTC'), 0, blog_id,
         sum(views), sum(post_visitors), sum(blog_visitors)
    FROM folded
   GROUP BY post_id, date_trunc('day', bucket_start, 'UTC'), blog_id
  ON CONFLICT (post_id, bucket_start, stripe) DO UPDATE SET
    views = b.views + EXCLUDED.views,
    post_visitors = b.post_visitors + EXCLUDED.post_visitors,
    blog_visitors = b.blog_visitors + EXCLUDED.blog_visitors`;

/** Folds old rows in one transaction; a second instance skips while one is at it. */
export async function compactVisitBuckets(tx: SqlClient, now = new Date()): Promise<number> {
  const { rows } = await tx.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_xact_lock(hashtextextended('visitor.bucket-compaction', 0)) AS locked`,
  );
  if (!rows[0]?.locked) return 0;
  const { rowCount } = await tx.query(COMPACT, [compactionCutoff(now)]);
  return rowCount ?? 0;
}

/**
 * Keeps `visit_buckets` from growing by minutes × stripes forever: per-post and per-blog
 * totals stay a scan of at most one row per day of the post's life (plus the last week).
 */
@Injectable()
export class BucketCompactionWorker {
  private readonly logger = new Logger('bucket-compaction');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.runOnce();
    }, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async runOnce(): Promise<void> {
    try {
      const folded = await inTransaction(this.pool, (tx) => compactVisitBuckets(tx));
      if (folded > 0) this.logger.log({ message: 'visit buckets compacted', folded });
    } catch (error) {
      this.logger.warn({ message: 'visit bucket compaction failed', error: String(error) });
    }
  }
}
