import { AppError, PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../gateway.config';
import {
  type DeadLetterListing,
  DeadLetterSources,
  type OperatorCall,
} from '../../infrastructure/dead-letter-sources';
import { SAGA_COLUMNS, sagaRowSchema, type SagaView, sagaViewOf } from '../saga-row';

const timelineRowSchema = z.object({
  message_id: z.string(),
  type: z.string(),
  aggregate_type: z.string(),
  aggregate_id: z.string(),
  correlation_id: z.string(),
  causation_id: z.string().nullable(),
  occurred_at: z.date(),
  recorded_at: z.date(),
});

export interface SagaTimelineEntry {
  readonly messageId: string;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

export interface SagaDetail {
  readonly saga: SagaView;
  readonly timeline: readonly SagaTimelineEntry[];
  readonly deadLetters: DeadLetterListing['items'];
  /** Services whose dead letters could not be read. */
  readonly unreachable: DeadLetterListing['unreachable'];
}

/** One saga: its summary, every message in the order it happened, and its dead letters. */
@Injectable()
export class GetSagaQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly deadLetters: DeadLetterSources,
  ) {}

  async run(sagaId: string, call: OperatorCall): Promise<SagaDetail> {
    const [saga, timeline, deadLetters] = await Promise.all([
      this.pool.query(`SELECT ${SAGA_COLUMNS} FROM sagas WHERE saga_id = $1`, [sagaId]),
      this.pool.query(
        `SELECT message_id, type, aggregate_type, aggregate_id, correlation_id, causation_id,
                occurred_at, recorded_at
           FROM saga_messages WHERE saga_id = $1 ORDER BY occurred_at, message_id`,
        [sagaId],
      ),
      this.deadLetters.all({ sagaId }, call),
    ]);
    if (saga.rows.length === 0) {
      throw new AppError('not-found', 'ADMIN.SAGA_NOT_FOUND', `no saga ${sagaId} has been seen`);
    }
    const hasDeadLetters = deadLetters.items.some(
      (item) => item.service !== 'gateway' && item.status !== 'resolved',
    );
    return {
      saga: sagaViewOf(sagaRowSchema.parse(saga.rows[0]), {
        now: new Date(),
        stuckAfterMs: this.config.SAGA_STUCK_AFTER_MS,
        hasDeadLetters,
      }),
      timeline: timeline.rows.map((raw) => {
        const row = timelineRowSchema.parse(raw);
        return {
          messageId: row.message_id,
          type: row.type,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          correlationId: row.correlation_id,
          causationId: row.causation_id,
          occurredAt: row.occurred_at.toISOString(),
          recordedAt: row.recorded_at.toISOString(),
        };
      }),
      deadLetters: deadLetters.items,
      unreachable: deadLetters.unreachable,
    };
  }
}
