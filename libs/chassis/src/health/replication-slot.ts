import type { SqlClient } from '@blog/sql';

export interface SlotLag {
  readonly slot: string;
  readonly database: string | null;
  readonly active: boolean;
  /** `reserved`, `extended`, `unreserved` or `lost` (past max_slot_wal_keep_size). */
  readonly walStatus: string | null;
  /** WAL written since the position Debezium last confirmed: what it has yet to read. */
  readonly lagBytes: number;
  /** WAL the server keeps for the slot: what an abandoned slot costs in disk. */
  readonly retainedBytes: number;
}

/**
 * One row of pg_replication_slots, which is cluster-wide: the slot is found by name from any
 * database of the cluster, including a test's fresh one.
 */
export async function readSlotLag(client: SqlClient, slot: string): Promise<SlotLag | null> {
  const { rows } = await client.query<{
    database: string | null;
    active: boolean;
    wal_status: string | null;
    lag_bytes: string;
    retained_bytes: string;
  }>(
    `SELECT database, active, wal_status,
            COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint::text AS lag_bytes,
            COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint::text AS retained_bytes
       FROM pg_replication_slots WHERE slot_name = $1`,
    [slot],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    slot,
    database: row.database,
    active: row.active,
    walStatus: row.wal_status,
    lagBytes: Number(row.lag_bytes),
    retainedBytes: Number(row.retained_bytes),
  };
}
