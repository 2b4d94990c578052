import { OUTBOX_SERVICES, type ServiceName } from '@blog/chassis';
import { inDatabase } from '@blog/testing';

/**
 * Tables that change with no request at all: Debezium's heartbeat, login throttling
 * (a refused login is counted on purpose), visitor's periodic bucket compaction, and
 * worker bookkeeping. Everything else must be exactly as it was.
 */
const MOVING_ON_THEIR_OWN = new Set([
  'debezium_heartbeat',
  'login_failures',
  'visit_buckets',
  'projection_checkpoints',
  'migrations',
]);

/**
 * Per table of every service database: its row count, or with `digest` an md5 of all its
 * rows (so an update shows too); and the last event position.
 */
export async function snapshotDatabases(
  options: { digest?: boolean } = {},
): Promise<Record<string, number | string>> {
  const snapshot: Record<string, number | string> = {};
  const services: readonly ServiceName[] = [...OUTBOX_SERVICES, 'gateway'];
  for (const service of services) {
    await inDatabase(service, async (db) => {
      const { rows } = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      for (const { table_name: table } of rows) {
        if (MOVING_ON_THEIR_OWN.has(table)) continue;
        if (options.digest) {
          const hashed = await db.query<{ h: string | null }>(
            `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table}" t`,
          );
          snapshot[`${service}.${table}`] = hashed.rows[0]?.h ?? 'empty';
          continue;
        }
        const counted = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
        snapshot[`${service}.${table}`] = Number(counted.rows[0]?.n);
      }
      if (rows.some((row) => row.table_name === 'events')) {
        const last = await db.query<{ p: string | null }>(
          'SELECT max(global_position) AS p FROM events',
        );
        snapshot[`${service}.events.last_position`] = Number(last.rows[0]?.p ?? 0);
      }
    });
  }
  return snapshot;
}
