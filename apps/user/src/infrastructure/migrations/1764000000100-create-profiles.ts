import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The profile read model, projected inline: `profiles_handle_key` makes a handle unique
 * case-insensitively in the very transaction that appends ProfileCreated, so of two
 * concurrent sign-ups with one handle exactly one commits. Released and anonymised
 * profiles keep their row with a NULL handle, which frees it.
 */
export class CreateProfiles1764000000100 implements MigrationInterface {
  name = 'CreateProfiles1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE profiles (
        account_id   uuid        PRIMARY KEY,
        handle       text,
        display_name text,
        bio          text,
        status       text        NOT NULL CHECK (status IN ('ACTIVE', 'RELEASED', 'ANONYMISED')),
        version      integer     NOT NULL,
        created_at   timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX profiles_handle_key ON profiles (lower(handle))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS profiles`);
  }
}
