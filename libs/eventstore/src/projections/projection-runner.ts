import { inTransaction } from '@blog/sql';
import type { Pool } from 'pg';
import type { Checkpoint } from '../store/checkpoint';
import type { EventStore } from '../store/event-store';
import { applyBatch } from './apply-batch';
import { assertProjectionName, type Projection, projectionTable } from './projection';
import { tryLockProjection } from './projection-locks';
import { ensureProjection, writeProjectionState } from './projection-state';

export type BatchOutcome =
  | { readonly status: 'applied'; readonly events: number; readonly checkpoint: Checkpoint }
  | { readonly status: 'idle' }
  /** Another instance (or a rebuild's switch) holds the projection: try again later. */
  | { readonly status: 'busy' }
  /** The active table was built by another definition version: only a rebuild may fix it. */
  | { readonly status: 'rebuild_required'; readonly tableDefinition: number };

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /** Called when a batch fails; the loop keeps polling (the batch rolled back). */
  readonly onError?: (error: unknown) => void;
  /** Called after every batch, e.g. for metrics or tests. */
  readonly onBatch?: (outcome: BatchOutcome) => void;
}

/**
 * Keeps one async projection up to date. Each batch is one transaction that holds the
 * projection's advisory lock, so any number of service instances may run the same
 * projection and exactly one applies each batch, exactly once, to the active table.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    assertProjectionName(projection.name);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  /**
   * One batch. READ COMMITTED matters: the checkpoint is read after the lock is granted,
   * with a fresh snapshot, so it includes the previous holder's committed advance.
   */
  async runBatch(): Promise<BatchOutcome> {
    const outcome = await inTransaction(this.pool, async (tx): Promise<BatchOutcome> => {
      if (!(await tryLockProjection(tx, this.projection.name))) return { status: 'busy' };
      const state = await ensureProjection(tx, this.projection);
      if (state.definitionVersion !== this.projection.version) {
        return { status: 'rebuild_required', tableDefinition: state.definitionVersion };
      }
      const table = projectionTable(this.projection.name, state.activeVersion);
      const batch = await applyBatch(
        tx,
        this.store,
        this.projection,
        table,
        state.checkpoint,
        this.batchSize,
      );
      if (batch.read === 0) return { status: 'idle' };
      await writeProjectionState(tx, this.projection.name, {
        ...state,
        checkpoint: batch.checkpoint,
      });
      return { status: 'applied', events: batch.read, checkpoint: batch.checkpoint };
    });
    this.options.onBatch?.(outcome);
    return outcome;
  }

  /** Applies batches until nothing is left to read now; returns the events read. */
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const outcome = await this.runBatch();
      if (outcome.status !== 'applied') return total;
      total += outcome.events;
    }
  }

  /** Polls in the background until stop(); full batches are followed up at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.poll();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async poll(): Promise<void> {
    while (!this.stopping) {
      let caughtUp = true;
      try {
        const outcome = await this.runBatch();
        caughtUp = outcome.status !== 'applied' || outcome.events < this.batchSize;
      } catch (error) {
        this.options.onError?.(error);
      }
      if (caughtUp && !this.stopping) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }
}
