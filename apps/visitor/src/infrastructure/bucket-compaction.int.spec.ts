import { randomUUID } from 'node:crypto';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { RecordVisitHandler } from '../commands/record-visit/record-visit.handler';
import { PopularPostsQuery } from '../queries/popular-posts/popular-posts.query';
import { PostStatsQuery } from '../queries/post-stats/post-stats.query';
import { compactVisitBuckets } from './bucket-compaction.worker';
import { visitorMigrations } from './migrations/visitor-migrations';

describe('visit bucket compaction', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('visitor_compaction');
    await database.migrate(visitorMigrations);
    pool = database.pool();
  });
  afterAll(() => database.drop());

  it('folds old minute buckets into day rows and keeps every total and window', async () => {
    const [postId, blogId] = [randomUUID(), randomUUID()];
    await pool.query(`INSERT INTO visit_blogs (blog_id, status) VALUES ($1, 'active')`, [blogId]);
    await pool.query(
      `INSERT INTO visit_posts (post_id, blog_id, status, published_at) VALUES ($1, $2, 'open', now())`,
      [postId, blogId],
    );
    const record = new RecordVisitHandler(pool);
    const now = new Date();
    const daysAgo = (days: number, minutes: number) =>
      new Date(now.getTime() - days * 86_400_000 - minutes * 60_000);
    // 40 old visits over two days and many minutes/stripes, 5 recent ones.
    const visits = [
      ...Array.from({ length: 20 }, (_, i) => daysAgo(12, i * 7)),
      ...Array.from({ length: 20 }, (_, i) => daysAgo(10, i * 3)),
      ...Array.from({ length: 5 }, (_, i) => daysAgo(0, i)),
    ];
    for (const at of visits) {
      await record.execute({ postId, blogId: null, visitorId: randomUUID(), accountId: null, at });
    }
    const stats = new PostStatsQuery(pool);
    const popular = new PopularPostsQuery(pool);
    const before = {
      totals: await stats.execute(postId),
      week: await popular.execute({ window: '7d', limit: 10, blogId }, now),
    };
    const rows = async () =>
      (
        await pool.query(`SELECT count(*)::int AS n FROM visit_buckets WHERE post_id = $1`, [
          postId,
        ])
      ).rows[0]?.n as number;
    const rowsBefore = await rows();

    expect(await inTransaction(pool, (tx) => compactVisitBuckets(tx, now))).toBeGreaterThan(0);

    expect(await rows()).toBeLessThan(rowsBefore);
    const { rows: old } = await pool.query(
      `SELECT count(*)::int AS n FROM visit_buckets WHERE post_id = $1 AND bucket_start < $2`,
      [postId, daysAgo(8, 0)],
    );
    expect(old[0]?.n).toBeLessThanOrEqual(4); // one per UTC day the old visits touched
    expect(await stats.execute(postId)).toEqual(before.totals);
    expect(before.totals).toMatchObject({ views: 45, uniqueVisitors: 45 });
    expect(await popular.execute({ window: '7d', limit: 10, blogId }, now)).toEqual(before.week);
    // Running again finds nothing left to fold.
    expect(await inTransaction(pool, (tx) => compactVisitBuckets(tx, now))).toBe(0);
  });
});
