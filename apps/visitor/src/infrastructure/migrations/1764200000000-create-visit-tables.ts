import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * visitor's read side, built for the write path's bursts (no event store: a visit is a
 * counter increment, not a domain decision):
 * - `visit_blogs` / `visit_posts`: what visitor learned from blog and post messages;
 *   a post's counters are open only while it is published.
 * - `post_visitors` / `blog_visitors`: one row per unique visitor (the primary key is the
 *   uniqueness check); `account_id` is kept only to anonymise it when the account closes.
 * - `visit_buckets`: views and first visits per (post, UTC minute, stripe); totals and
 *   windows are sums over buckets, so counts survive anonymisation untouched.
 */
export class CreateVisitTables1764200000000 implements MigrationInterface {
  name = 'CreateVisitTables1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE visit_blogs (
        blog_id    uuid        PRIMARY KEY,
        status     text        NOT NULL CHECK (status IN ('active', 'deleted')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE visit_posts (
        post_id      uuid        PRIMARY KEY,
        blog_id      uuid        NOT NULL,
        status       text        NOT NULL CHECK (status IN ('open', 'closed')),
        published_at timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX visit_posts_blog_idx ON visit_posts (blog_id)`);
    await queryRunner.query(`
      CREATE TABLE post_visitors (
        post_id        uuid        NOT NULL,
        visitor_id     uuid        NOT NULL,
        account_id     text,
        first_visit_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, visitor_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX post_visitors_account_idx ON post_visitors (account_id) WHERE account_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE blog_visitors (
        blog_id        uuid        NOT NULL,
        visitor_id     uuid        NOT NULL,
        first_visit_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blog_id, visitor_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE visit_buckets (
        post_id        uuid        NOT NULL,
        bucket_start   timestamptz NOT NULL,
        stripe         smallint    NOT NULL,
        blog_id        uuid        NOT NULL,
        views          bigint      NOT NULL,
        post_visitors  integer     NOT NULL,
        blog_visitors  integer     NOT NULL,
        PRIMARY KEY (post_id, bucket_start, stripe)
      )`);
    await queryRunner.query(
      `CREATE INDEX visit_buckets_window_idx ON visit_buckets (bucket_start) INCLUDE (post_id, views)`,
    );
    await queryRunner.query(`CREATE INDEX visit_buckets_blog_idx ON visit_buckets (blog_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'visit_buckets',
      'blog_visitors',
      'post_visitors',
      'visit_posts',
      'visit_blogs',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
