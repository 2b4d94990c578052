import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `posts`: the inline read model of the post streams; a slug is unique per blog among
 * posts that are not deleted; `seq` is the listing order and cursor (newest first).
 * `known_blogs`: what post learned of blogs from blog's events (it never reads blog's
 * database). Its row is also the lock that orders drafts and publications with a blog's
 * deletion; `archive_pending` is a deletion waiting for publications in flight.
 */
export class CreatePostReadModels1764100000000 implements MigrationInterface {
  name = 'CreatePostReadModels1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE posts (
        post_id             uuid        PRIMARY KEY,
        seq                 bigint      GENERATED ALWAYS AS IDENTITY,
        blog_id             uuid        NOT NULL,
        author_id           uuid        NOT NULL,
        title               text        NOT NULL,
        slug                text        NOT NULL,
        body                text        NOT NULL,
        status              text        NOT NULL
          CHECK (status IN ('DRAFT', 'PUBLISHING', 'PUBLISHED', 'ARCHIVED', 'DELETED')),
        lock_saga_id        text,
        lock_saga_type      text,
        publication_saga_id text,
        publication_status  text,
        publication_reason  text,
        archive_saga_id     text,
        published_at        timestamptz,
        version             integer     NOT NULL,
        created_at          timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX posts_blog_slug_key ON posts (blog_id, slug) WHERE status <> 'DELETED'`,
    );
    await queryRunner.query(
      `CREATE INDEX posts_blog_listing_idx ON posts (blog_id, seq DESC) WHERE status <> 'DELETED'`,
    );
    await queryRunner.query(
      `CREATE INDEX posts_archive_saga_idx ON posts (archive_saga_id) WHERE archive_saga_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE known_blogs (
        blog_id          uuid        PRIMARY KEY,
        owner_id         uuid        NOT NULL,
        status           text        NOT NULL CHECK (status IN ('ACTIVE', 'DELETING', 'DELETED')),
        deletion_saga_id text,
        archive_pending  boolean     NOT NULL DEFAULT false,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS known_blogs`);
    await queryRunner.query(`DROP TABLE IF EXISTS posts`);
  }
}
