import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per async projection (`<name>`) and per rebuild in progress (`<name>@v<k>`).
 * `active_version` is the table generation readers see through the `<name>` view;
 * `definition_version` is the projection code's version that built that table, so a
 * runner with different code knows the table needs a rebuild before it may write to it.
 */
export class CreateProjectionCheckpoints1763950000001 implements MigrationInterface {
  name = 'CreateProjectionCheckpoints1763950000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name                text        PRIMARY KEY,
        active_version      integer     NOT NULL CHECK (active_version >= 1),
        definition_version  integer     NOT NULL,
        last_transaction_id xid8        NOT NULL DEFAULT '0',
        last_position       bigint      NOT NULL DEFAULT 0,
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS projection_checkpoints`);
  }
}
