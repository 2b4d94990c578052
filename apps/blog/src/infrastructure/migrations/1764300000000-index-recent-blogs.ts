import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `GET /blogs` without an owner lists every blog that is not deleted, newest first. */
export class IndexRecentBlogs1764300000000 implements MigrationInterface {
  name = 'IndexRecentBlogs1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX blogs_recent_idx ON blogs (seq DESC) WHERE status <> 'DELETED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX blogs_recent_idx`);
  }
}
