import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * subscribe's read models, kept by inline projections (blogs, subscriptions) and by
 * consumers (feed entries, closed accounts):
 * - `blogs`: subscribe's own view of blogs, from blog's events.
 * - `subscriptions`: open subscriptions; `closed_by_saga` marks those a delete-blog saga
 *   closed, so its compensation restores exactly those.
 * - `feed_entries`: one row per (subscriber, post); the key makes fan-out idempotent.
 */
export class CreateSubscribeReadModels1764200100000 implements MigrationInterface {
  name = 'CreateSubscribeReadModels1764200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE blogs (
        blog_id          uuid        PRIMARY KEY,
        owner_id         uuid,
        title            text,
        status           text        NOT NULL CHECK (status IN ('active', 'deleting', 'deleted')),
        deletion_saga_id text,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE subscriptions (
        subscriber_id  uuid        NOT NULL,
        blog_id        uuid        NOT NULL,
        subscribed_at  timestamptz NOT NULL,
        closed_by_saga text,
        PRIMARY KEY (subscriber_id, blog_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX subscriptions_blog_idx ON subscriptions (blog_id) INCLUDE (subscriber_id, closed_by_saga)`,
    );
    await queryRunner.query(
      `CREATE INDEX subscriptions_page_idx ON subscriptions (subscriber_id, subscribed_at DESC, blog_id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE feed_entries (
        subscriber_id uuid        NOT NULL,
        post_id       uuid        NOT NULL,
        blog_id       uuid        NOT NULL,
        author_id     uuid        NOT NULL,
        title         text        NOT NULL,
        slug          text        NOT NULL,
        published_at  timestamptz NOT NULL,
        delivered_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscriber_id, post_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX feed_entries_page_idx ON feed_entries (subscriber_id, published_at DESC, post_id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX feed_entries_post_idx ON feed_entries (post_id)`);
    await queryRunner.query(`CREATE INDEX feed_entries_blog_idx ON feed_entries (blog_id)`);
    await queryRunner.query(`
      CREATE TABLE closed_accounts (
        account_id text        PRIMARY KEY,
        saga_id    text,
        closed_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['closed_accounts', 'feed_entries', 'subscriptions', 'blogs']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
