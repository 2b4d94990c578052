import { inTransaction, type SqlClient } from '@blog/sql';
import type { Pool } from 'pg';
import { RebuildInProgressError } from '../errors/rebuild-in-progress.error';
import { type Checkpoint, START_CHECKPOINT } from '../store/checkpoint';
import type { EventStore } from '../store/event-store';
import { applyBatch } from './apply-batch';
import { prepareRebuild, type RebuildTarget } from './prepare-rebuild';
import { assertProjectionName, type Projection, projectionTable } from './projection';
import { lockProjection, tryLockRebuild, unlockRebuild } from './projection-locks';
import { pointView, readProjectionState, writeProjectionState } from './projection-state';

export interface RebuildProgress {
  /** Events read from the log so far. */
  readonly read: number;
  readonly checkpoint: Checkpoint;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildResult {
  readonly projection: string;
  readonly fromGeneration: number;
  readonly generation: number;
  readonly table: string;
  readonly events: number;
  readonly elapsedMs: number;
}

/** Feeds the new table batch by batch from the start of the log, keeping the count. */
class Replay {
  checkpoint: Checkpoint = START_CHECKPOINT;
  read = 0;

  constructor(
    private readonly store: EventStore,
    private readonly projection: Projection,
    private readonly target: RebuildTarget,
    private readonly batchSize: number,
    private readonly onProgress?: (progress: RebuildProgress) => void,
  ) {}

  /** One batch; true when it was full (more may be waiting). */
  async step(tx: SqlClient): Promise<boolean> {
    const { store, projection, target, batchSize } = this;
    const batch = await applyBatch(tx, store, projection, target.table, this.checkpoint, batchSize);
    this.checkpoint = batch.checkpoint;
    this.read += batch.read;
    this.onProgress?.({ read: this.read, checkpoint: this.checkpoint });
    return batch.read === batchSize;
  }

  saveCheckpoint(tx: SqlClient): Promise<void> {
    return writeProjectionState(tx, this.target.checkpointName, {
      activeVersion: this.target.generation,
      definitionVersion: this.projection.version,
      checkpoint: this.checkpoint,
    });
  }
}

/**
 * Applies what is left and makes the new table the live one, in one transaction that
 * holds the projection lock: live batches wait, readers see the old table or the new one.
 */
async function switchOver(
  tx: SqlClient,
  replay: Replay,
  projection: Projection,
  target: RebuildTarget,
) {
  await lockProjection(tx, projection.name);
  const live = await readProjectionState(tx, projection.name);
  if (live?.activeVersion !== target.from) {
    throw new Error(`Projection "${projection.name}" changed generation during the rebuild`);
  }
  // Nothing else moves the projection while the lock is held, so this drains to the horizon.
  while (await replay.step(tx));
  await writeProjectionState(tx, projection.name, {
    activeVersion: target.generation,
    definitionVersion: projection.version,
    checkpoint: replay.checkpoint,
  });
  await pointView(tx, projection.name, target.table);
  await tx.query('DELETE FROM projection_checkpoints WHERE name = $1', [target.checkpointName]);
  await tx.query(`DROP TABLE IF EXISTS ${projectionTable(projection.name, target.from)}`);
}

/**
 * Blue/green rebuild: replays the whole log into `<name>_v<k+1>` while the live runner
 * keeps feeding `<name>_v<k>`, then switches the checkpoint, the active generation and
 * the view in one transaction and drops the old table. The two never write the same
 * table. A second rebuild of the same projection is refused while one runs.
 */
export async function rebuildProjection(
  pool: Pool,
  store: EventStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  assertProjectionName(projection.name);
  const startedAt = Date.now();
  // The rebuild lock lives on its own session for the whole rebuild.
  const session = await pool.connect();
  let locked = false;
  try {
    locked = await tryLockRebuild(session, projection.name);
    if (!locked) throw new RebuildInProgressError(projection.name);
    const target = await inTransaction(pool, (tx) => prepareRebuild(tx, projection));
    const batchSize = options.batchSize ?? 1_000;
    const replay = new Replay(store, projection, target, batchSize, options.onProgress);
    let more = true;
    while (more) {
      more = await inTransaction(pool, async (tx) => {
        const full = await replay.step(tx);
        await replay.saveCheckpoint(tx);
        return full;
      });
    }
    await inTransaction(pool, (tx) => switchOver(tx, replay, projection, target));
    return {
      projection: projection.name,
      fromGeneration: target.from,
      generation: target.generation,
      table: target.table,
      events: replay.read,
      elapsedMs: Date.now() - startedAt,
    };
  } finally {
    // Unlocked before we return, so the next rebuild may start at once; if unlocking
    // fails, the connection is closed instead, which releases the lock server-side.
    const unlocked =
      !locked ||
      (await unlockRebuild(session, projection.name).then(
        () => true,
        () => false,
      ));
    session.release(!unlocked);
  }
}
