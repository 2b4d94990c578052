import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbox: a consumer's effects and its (consumer, message_id) row commit together, so a
 * redelivered message has no second effect. Dead letters and parked keys make a poison
 * message stop only its own aggregate: later messages with the same key wait behind it
 * (in order) instead of overtaking it, and other keys keep flowing.
 */
export class CreateInbox1763900100000 implements MigrationInterface {
  name = 'CreateInbox1763900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer     text        NOT NULL,
        message_id   uuid        NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consumer     text        NOT NULL,
        message_id   uuid,
        topic        text        NOT NULL,
        partition    integer     NOT NULL,
        "offset"     text        NOT NULL,
        message_key  text,
        saga_id      text,
        headers      jsonb       NOT NULL,
        value        text,
        status       text        NOT NULL CHECK (status IN ('failed', 'waiting', 'resolved')),
        reason       text,
        error        text,
        attempts     integer     NOT NULL DEFAULT 0,
        created_at   timestamptz NOT NULL DEFAULT now(),
        resolved_at  timestamptz,
        UNIQUE (consumer, topic, partition, "offset")
      )`);
    await queryRunner.query(
      `CREATE INDEX dead_letters_open_idx ON dead_letters (consumer, topic, message_key, id) WHERE status <> 'resolved'`,
    );
    await queryRunner.query(
      `CREATE INDEX dead_letters_saga_idx ON dead_letters (saga_id) WHERE saga_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE parked_keys (
        consumer    text        NOT NULL,
        topic       text        NOT NULL,
        message_key text        NOT NULL,
        parked_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, topic, message_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS parked_keys`);
    await queryRunner.query(`DROP TABLE IF EXISTS dead_letters`);
    await queryRunner.query(`DROP TABLE IF EXISTS inbox`);
  }
}
