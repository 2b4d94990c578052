import type { SqlClient } from '@blog/sql';
import type { SnapshotPolicy } from './snapshot-policy';

export interface Snapshot<State> {
  readonly version: number;
  readonly state: State;
}

type SnapshotRow = { version: number; schema_version: number; state: unknown };

/** The stream's snapshot if it was taken with the policy's state shape; null otherwise. */
export async function readSnapshot<State>(
  tx: SqlClient,
  streamId: string,
  policy: SnapshotPolicy<State>,
): Promise<Snapshot<State> | null> {
  const { rows } = await tx.query<SnapshotRow>(
    'SELECT version, schema_version, state FROM snapshots WHERE stream_id = $1',
    [streamId],
  );
  const row = rows[0];
  if (row === undefined || row.schema_version !== policy.schemaVersion) return null;
  const state = policy.parse ? policy.parse(row.state) : (row.state as State);
  return { version: row.version, state };
}

/**
 * Upserts the snapshot unless a newer one of the same shape is already stored (two
 * writers can only race here after both appended, so the later version wins).
 */
export async function writeSnapshot<State>(
  tx: SqlClient,
  streamId: string,
  snapshot: Snapshot<State>,
  schemaVersion: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO snapshots (stream_id, version, schema_version, state) VALUES ($1, $2, $3, $4)
     ON CONFLICT (stream_id) DO UPDATE
       SET version = EXCLUDED.version, schema_version = EXCLUDED.schema_version,
           state = EXCLUDED.state, taken_at = now()
       WHERE snapshots.version < EXCLUDED.version
          OR snapshots.schema_version <> EXCLUDED.schema_version`,
    [streamId, snapshot.version, schemaVersion, JSON.stringify(snapshot.state)],
  );
}
