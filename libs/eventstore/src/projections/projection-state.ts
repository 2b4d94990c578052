import type { SqlClient } from '@blog/sql';
import type { Checkpoint } from '../store/checkpoint';
import { type Projection, projectionTable } from './projection';

export interface ProjectionState {
  readonly activeVersion: number;
  readonly definitionVersion: number;
  readonly checkpoint: Checkpoint;
}

type StateRow = {
  active_version: number;
  definition_version: number;
  last_transaction_id: string;
  last_position: string;
};

export async function readProjectionState(
  tx: SqlClient,
  name: string,
): Promise<ProjectionState | null> {
  const { rows } = await tx.query<StateRow>(
    `SELECT active_version, definition_version, last_transaction_id::text AS last_transaction_id,
            last_position
     FROM projection_checkpoints WHERE name = $1`,
    [name],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    activeVersion: row.active_version,
    definitionVersion: row.definition_version,
    checkpoint: { transactionId: row.last_transaction_id, position: Number(row.last_position) },
  };
}

export async function writeProjectionState(
  tx: SqlClient,
  name: string,
  state: ProjectionState,
): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints
       (name, active_version, definition_version, last_transaction_id, last_position)
     VALUES ($1, $2, $3, $4::xid8, $5)
     ON CONFLICT (name) DO UPDATE SET
       active_version = EXCLUDED.active_version,
       definition_version = EXCLUDED.definition_version,
       last_transaction_id = EXCLUDED.last_transaction_id,
       last_position = EXCLUDED.last_position,
       updated_at = now()`,
    [
      name,
      state.activeVersion,
      state.definitionVersion,
      state.checkpoint.transactionId,
      state.checkpoint.position,
    ],
  );
}

/** Points the readers' view at one table generation; recreated so its columns may change. */
export async function pointView(tx: SqlClient, name: string, table: string): Promise<void> {
  await tx.query(`DROP VIEW IF EXISTS ${name}`);
  await tx.query(`CREATE VIEW ${name} AS SELECT * FROM ${table}`);
}

/**
 * The projection's state, creating generation 1 (table, view, checkpoint) on first use.
 * Call with the projection lock held, so two instances cannot both create it.
 */
export async function ensureProjection(
  tx: SqlClient,
  projection: Projection,
): Promise<ProjectionState> {
  const existing = await readProjectionState(tx, projection.name);
  if (existing) return existing;
  const table = projectionTable(projection.name, 1);
  await projection.createTable(tx, table);
  await pointView(tx, projection.name, table);
  const state: ProjectionState = {
    activeVersion: 1,
    definitionVersion: projection.version,
    checkpoint: { transactionId: '0', position: 0 },
  };
  await writeProjectionState(tx, projection.name, state);
  return state;
}
