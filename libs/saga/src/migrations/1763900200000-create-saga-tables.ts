import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each participant's own record of saga steps, and the initiator's deadlines. */
export class CreateSagaTables1763900200000 implements MigrationInterface {
  name = 'CreateSagaTables1763900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE saga_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        saga_id     text        NOT NULL,
        saga_type   text        NOT NULL,
        step        text        NOT NULL,
        outcome     text        NOT NULL
          CHECK (outcome IN ('started', 'succeeded', 'failed', 'compensated', 'timed_out')),
        message_id  uuid,
        error       text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX saga_log_saga_idx ON saga_log (saga_id, id)`);
    await queryRunner.query(`
      CREATE TABLE saga_deadlines (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        saga_id      text        NOT NULL,
        saga_type    text        NOT NULL,
        name         text        NOT NULL,
        due_at       timestamptz NOT NULL,
        payload      jsonb       NOT NULL DEFAULT '{}',
        fired_at     timestamptz,
        cancelled_at timestamptz,
        UNIQUE (saga_id, name)
      )`);
    await queryRunner.query(
      `CREATE INDEX saga_deadlines_due_idx ON saga_deadlines (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS saga_deadlines`);
    await queryRunner.query(`DROP TABLE IF EXISTS saga_log`);
  }
}
