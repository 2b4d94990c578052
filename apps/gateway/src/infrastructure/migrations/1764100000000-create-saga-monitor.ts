import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The saga monitor's read model: every saga message seen on any outbox topic, and one
 * summary row per saga derived from them. The summary is recomputed from the messages on
 * each insert, so arrival order across topics does not change the result.
 */
export class CreateSagaMonitor1764100000000 implements MigrationInterface {
  name = 'CreateSagaMonitor1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sagas (
        saga_id           text        PRIMARY KEY,
        saga_type         text,
        status            text        NOT NULL
                          CHECK (status IN ('running', 'succeeded', 'compensated', 'timed_out')),
        started_at        timestamptz NOT NULL,
        ended_at          timestamptz,
        last_message_type text        NOT NULL,
        last_message_at   timestamptz NOT NULL,
        message_count     integer     NOT NULL,
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX sagas_started_idx ON sagas (started_at DESC, saga_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX sagas_running_idx ON sagas (last_message_at) WHERE status = 'running'`,
    );
    await queryRunner.query(`
      CREATE TABLE saga_messages (
        saga_id        text        NOT NULL,
        message_id     uuid        NOT NULL UNIQUE,
        type           text        NOT NULL,
        aggregate_type text        NOT NULL,
        aggregate_id   text        NOT NULL,
        correlation_id text        NOT NULL,
        causation_id   text,
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX saga_messages_saga_idx ON saga_messages (saga_id, occurred_at, message_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS saga_messages`);
    await queryRunner.query(`DROP TABLE IF EXISTS sagas`);
  }
}
