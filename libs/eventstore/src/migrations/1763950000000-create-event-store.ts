import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store. `event_streams` holds one row per stream whose `version` is the
 * optimistic-concurrency lock; `events` is the append-only log; `snapshots` is a cache
 * that may be deleted at any time.
 *
 * `transaction_id` records the writer's transaction so readers of the whole log can order
 * by `(transaction_id, global_position)` and stop below transactions still in flight:
 * identity values are handed out at INSERT, not at COMMIT, so a lower `global_position`
 * can become visible after a higher one.
 */
export class CreateEventStore1763950000000 implements MigrationInterface {
  name = 'CreateEventStore1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_streams (
        stream_id   text        PRIMARY KEY,
        stream_type text        NOT NULL,
        version     integer     NOT NULL CHECK (version >= 0),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        version         integer     NOT NULL CHECK (version >= 1),
        type            text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        schema_version  integer     NOT NULL DEFAULT 1 CHECK (schema_version >= 1),
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, version)
      )`);
    // readAll's cursor: a row comparison on this index is one range scan.
    await queryRunner.query(
      `CREATE INDEX events_transaction_position_idx ON events (transaction_id, global_position)`,
    );
    await queryRunner.query(`
      CREATE TABLE snapshots (
        stream_id      text        PRIMARY KEY,
        version        integer     NOT NULL,
        schema_version integer     NOT NULL,
        state          jsonb       NOT NULL,
        taken_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS snapshots`);
    await queryRunner.query(`DROP TABLE IF EXISTS events`);
    await queryRunner.query(`DROP TABLE IF EXISTS event_streams`);
  }
}
