import { randomUUID } from 'node:crypto';
import { inTransaction } from '@blog/sql';
import type { Pool } from 'pg';

/**
 * The ceiling the pipeline is compared with: single-row INSERTs into the same outbox table,
 * one per transaction, as fast as `connections` connections go, with no connector attached
 * yet (so no WAL decoding, Kafka or consumer competes for the two cores).
 */
export async function rawInsertRate(
  pool: Pool,
  connections: number,
  seconds: number,
  payload: unknown,
): Promise<{ rate: number; rows: number }> {
  const json = JSON.stringify(payload);
  const ends = performance.now() + seconds * 1_000;
  let rows = 0;
  const worker = async () => {
    while (performance.now() < ends) {
      const id = randomUUID();
      await inTransaction(pool, (tx) =>
        tx.query(
          `INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, correlation_id, occurred_at, schema_version)
           VALUES ($1, 'bench-baseline', $2, 'BenchEvent', $3, $4, now(), 1)`,
          [id, `agg-${rows % 1_000}`, json, id],
        ),
      );
      rows += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1_000;
  // Debezium's initial snapshot would otherwise read these rows when the connector starts.
  await pool.query('TRUNCATE outbox');
  return { rate: rows / elapsed, rows };
}
