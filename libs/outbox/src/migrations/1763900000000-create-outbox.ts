import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox Debezium tails. Rows are kept (not deleted in the writing transaction) so
 * saga replay can find a saga's messages by `saga_id` and re-insert them with the same
 * message `id`; that is why `id` is not the primary key. A retention job deletes old
 * rows; the router ignores DELETEs.
 *
 * The publication is created here, with the tables, because Debezium is configured with
 * `publication.autocreate.mode=disabled`: it must see exactly these two tables.
 */
export class CreateOutbox1763900000000 implements MigrationInterface {
  name = 'CreateOutbox1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id             uuid        NOT NULL,
        aggregatetype  text        NOT NULL CHECK (aggregatetype ~ '^[a-z0-9][a-z0-9._-]{0,200}$'),
        aggregateid    text        NOT NULL,
        type           text        NOT NULL,
        payload        jsonb       NOT NULL,
        correlation_id text        NOT NULL,
        causation_id   text,
        saga_id        text,
        traceparent    text,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        schema_version integer     NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_saga_id_idx ON outbox (saga_id) WHERE saga_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX outbox_occurred_at_idx ON outbox (occurred_at)`);
    // Debezium's heartbeat.action.query writes here so the slot advances while the outbox is idle.
    await queryRunner.query(`
      CREATE TABLE debezium_heartbeat (id smallint PRIMARY KEY, beat_at timestamptz NOT NULL)`);
    await queryRunner.query(`CREATE PUBLICATION dbz_outbox FOR TABLE outbox, debezium_heartbeat`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP PUBLICATION IF EXISTS dbz_outbox`);
    await queryRunner.query(`DROP TABLE IF EXISTS debezium_heartbeat`);
    await queryRunner.query(`DROP TABLE IF EXISTS outbox`);
  }
}
