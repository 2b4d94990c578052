import type { SagaType } from '@blog/contracts';
import { inTransaction, type SqlClient } from '@blog/sql';
import type { Pool } from 'pg';
import type { Deadline } from './deadline';

/** Stored with the step that starts the wait, in the initiator's own database. */
export async function scheduleDeadline(tx: SqlClient, deadline: Deadline): Promise<void> {
  await tx.query(
    `INSERT INTO saga_deadlines (saga_id, saga_type, name, due_at, payload)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (saga_id, name) DO NOTHING`,
    [
      deadline.sagaId,
      deadline.sagaType,
      deadline.name,
      deadline.dueAt,
      JSON.stringify(deadline.payload),
    ],
  );
}

/** The expected answer arrived: the deadline will not fire. Returns false if it already fired. */
export async function cancelDeadline(
  tx: SqlClient,
  sagaId: string,
  name: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE saga_deadlines SET cancelled_at = now()
      WHERE saga_id = $1 AND name = $2 AND fired_at IS NULL AND cancelled_at IS NULL`,
    [sagaId, name],
  );
  return rowCount === 1;
}

export type DeadlineHandler = (tx: SqlClient, deadline: Deadline) => Promise<void>;

interface DeadlineRow {
  saga_id: string;
  saga_type: string;
  name: string;
  due_at: Date;
  payload: Record<string, unknown>;
}

/**
 * Fires due deadlines. A deadline is claimed with FOR UPDATE SKIP LOCKED and marked fired
 * in the same transaction as its handler's compensation, so with any number of instances
 * (or after a restart) each fires exactly once; a failing handler leaves it due.
 */
export class DeadlineWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly handler: DeadlineHandler,
    private readonly options: { intervalMs?: number; batchSize?: number } = {},
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.fireDue().catch(() => 0);
      void this.running.finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs ?? 250);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass: fires what is due now, returns how many fired. */
  async fireDue(): Promise<number> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<DeadlineRow & { id: string }>(
        `SELECT id, saga_id, saga_type, name, due_at, payload FROM saga_deadlines
          WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= now()
          ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 20],
      );
      for (const row of rows) {
        await this.handler(tx, {
          sagaId: row.saga_id,
          sagaType: row.saga_type as SagaType,
          name: row.name,
          dueAt: row.due_at,
          payload: row.payload,
        });
        await tx.query(`UPDATE saga_deadlines SET fired_at = now() WHERE id = $1`, [row.id]);
      }
      return rows.length;
    });
  }
}
