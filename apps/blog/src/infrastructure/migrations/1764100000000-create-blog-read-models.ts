import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `blogs`: the inline read model of the blog streams. A slug is unique per owner among
 * blogs that are not deleted, so a deleted blog's slug can be used again; `seq` is the
 * listing order and cursor (newest first), exact where timestamps could tie.
 * `account_closures`: the blog's part of saga 4, one row per closure saga, so the
 * closure is answered once every blog it waits for is DELETED.
 */
export class CreateBlogReadModels1764100000000 implements MigrationInterface {
  name = 'CreateBlogReadModels1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE blogs (
        blog_id          uuid        PRIMARY KEY,
        seq              bigint      GENERATED ALWAYS AS IDENTITY,
        owner_id         uuid        NOT NULL,
        title            text        NOT NULL,
        slug             text        NOT NULL,
        description      text        NOT NULL,
        status           text        NOT NULL CHECK (status IN ('ACTIVE', 'DELETING', 'DELETED')),
        deletion_saga_id text,
        closure_saga_id  text,
        version          integer     NOT NULL,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        deleted_at       timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX blogs_owner_slug_key ON blogs (owner_id, slug) WHERE status <> 'DELETED'`,
    );
    await queryRunner.query(
      `CREATE INDEX blogs_owner_listing_idx ON blogs (owner_id, seq DESC) WHERE status <> 'DELETED'`,
    );
    await queryRunner.query(`
      CREATE TABLE account_closures (
        closure_saga_id text        PRIMARY KEY,
        account_id      uuid        NOT NULL,
        blog_ids        uuid[]      NOT NULL,
        requested_at    timestamptz NOT NULL DEFAULT now(),
        completed_at    timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX account_closures_account_idx ON account_closures (account_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX account_closures_open_idx ON account_closures USING gin (blog_ids)
        WHERE completed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS account_closures`);
    await queryRunner.query(`DROP TABLE IF EXISTS blogs`);
  }
}
