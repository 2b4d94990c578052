import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * auth's read model and its non-event state. `accounts` is the inline projection of the
 * account streams: an email is unique among accounts that are not REJECTED, so a person
 * whose sign-up failed may try again. Credentials, refresh tokens and login attempts are
 * secrets or bookkeeping, not history: they live in plain tables, never in events.
 */
export class CreateAuthTables1764000000000 implements MigrationInterface {
  name = 'CreateAuthTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounts (
        account_id        uuid        PRIMARY KEY,
        email             text        NOT NULL,
        roles             text[]      NOT NULL,
        status            text        NOT NULL
          CHECK (status IN ('PENDING', 'ACTIVE', 'REJECTED', 'CLOSING', 'CLOSED')),
        rejection_reason  text,
        sign_up_saga_id   text        NOT NULL,
        closure_saga_id   text,
        version           integer     NOT NULL,
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email)) WHERE status <> 'REJECTED'`,
    );
    await queryRunner.query(`CREATE INDEX accounts_email_idx ON accounts (lower(email))`);
    await queryRunner.query(`
      CREATE TABLE credentials (
        account_id    uuid        PRIMARY KEY,
        password_hash text        NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE refresh_families (
        family_id      uuid        PRIMARY KEY,
        account_id     uuid        NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        revoked_at     timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(
      `CREATE INDEX refresh_families_account_idx ON refresh_families (account_id) WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        token_hash text        PRIMARY KEY,
        family_id  uuid        NOT NULL REFERENCES refresh_families (family_id),
        account_id uuid        NOT NULL,
        issued_at  timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at    timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await queryRunner.query(`
      CREATE TABLE login_failures (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        scope      text        NOT NULL CHECK (scope IN ('account', 'ip')),
        key        text        NOT NULL,
        failed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX login_failures_key_idx ON login_failures (scope, key, failed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS login_failures`);
    await queryRunner.query(`DROP TABLE IF EXISTS refresh_tokens`);
    await queryRunner.query(`DROP TABLE IF EXISTS refresh_families`);
    await queryRunner.query(`DROP TABLE IF EXISTS credentials`);
    await queryRunner.query(`DROP TABLE IF EXISTS accounts`);
  }
}
