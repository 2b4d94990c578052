import type { SagaType } from '@blog/contracts';
import { metrics } from '@blog/observability/metrics/process-metrics';
import { afterCommit, type SqlClient } from '@blog/sql';

export type SagaOutcome = 'started' | 'succeeded' | 'failed' | 'compensated' | 'timed_out';

export interface SagaStep {
  readonly sagaId: string;
  readonly sagaType: SagaType;
  /** What this participant did, e.g. `profile.create` or `blog.approve-publication`. */
  readonly step: string;
  readonly outcome: SagaOutcome;
  readonly messageId?: string | null;
  readonly error?: string | null;
}

export interface RecordedSagaStep extends SagaStep {
  readonly recordedAt: string;
}

/**
 * Written in the same transaction as the step's effect, so the log never lies; the
 * `saga_outcomes_total` metric counts the step only once that transaction committed, so a
 * retried or rolled-back attempt is not counted.
 */
export async function recordSagaStep(tx: SqlClient, step: SagaStep): Promise<void> {
  await tx.query(
    `INSERT INTO saga_log (saga_id, saga_type, step, outcome, message_id, error)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      step.sagaId,
      step.sagaType,
      step.step,
      step.outcome,
      step.messageId ?? null,
      step.error ?? null,
    ],
  );
  afterCommit(tx, () => metrics.countSagaOutcome(step.sagaType, step.step, step.outcome));
}

export async function readSagaLog(tx: SqlClient, sagaId: string): Promise<RecordedSagaStep[]> {
  const { rows } = await tx.query<{
    saga_id: string;
    saga_type: string;
    step: string;
    outcome: SagaOutcome;
    message_id: string | null;
    error: string | null;
    recorded_at: Date;
  }>(`SELECT * FROM saga_log WHERE saga_id = $1 ORDER BY id`, [sagaId]);
  return rows.map((row) => ({
    sagaId: row.saga_id,
    sagaType: row.saga_type as SagaType,
    step: row.step,
    outcome: row.outcome,
    messageId: row.message_id,
    error: row.error,
    recordedAt: row.recorded_at.toISOString(),
  }));
}
