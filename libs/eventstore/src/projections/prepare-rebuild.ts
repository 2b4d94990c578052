import type { SqlClient } from '@blog/sql';
import { START_CHECKPOINT } from '../store/checkpoint';
import { type Projection, projectionTable, rebuildCheckpointName } from './projection';
import { lockProjection } from './projection-locks';
import { ensureProjection, writeProjectionState } from './projection-state';

/** The table generation a rebuild fills, next to the one readers see. */
export interface RebuildTarget {
  readonly from: number;
  readonly generation: number;
  readonly table: string;
  readonly checkpointName: string;
}

/** Creates the next generation's empty table and its own checkpoint row. */
export async function prepareRebuild(
  tx: SqlClient,
  projection: Projection,
): Promise<RebuildTarget> {
  // Briefly held so a first-ever live batch cannot create generation 1 at the same time.
  await lockProjection(tx, projection.name);
  const live = await ensureProjection(tx, projection);
  const generation = live.activeVersion + 1;
  const table = projectionTable(projection.name, generation);
  const checkpointName = rebuildCheckpointName(projection.name, generation);
  // Left over from a rebuild that died: nobody reads or writes it (it is not active).
  await tx.query(`DROP TABLE IF EXISTS ${table}`);
  await projection.createTable(tx, table);
  await writeProjectionState(tx, checkpointName, {
    activeVersion: generation,
    definitionVersion: projection.version,
    checkpoint: START_CHECKPOINT,
  });
  return { from: live.activeVersion, generation, table, checkpointName };
}
