import { z } from 'zod';
import { type SagaStatus, visibleStatus } from '../domain/saga-status';

/** A `sagas` row, parsed rather than trusted. */
export const sagaRowSchema = z.object({
  saga_id: z.string(),
  saga_type: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'compensated', 'timed_out']),
  started_at: z.date(),
  ended_at: z.date().nullable(),
  last_message_type: z.string(),
  last_message_at: z.date(),
  message_count: z.number().int(),
  updated_at: z.date(),
});

export type SagaRow = z.infer<typeof sagaRowSchema>;

export const SAGA_COLUMNS = `saga_id, saga_type, status, started_at, ended_at, last_message_type,
  last_message_at, message_count, updated_at`;

export interface SagaView {
  readonly sagaId: string;
  readonly type: string | null;
  readonly status: SagaStatus;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly lastMessageType: string;
  readonly lastMessageAt: string;
  readonly messageCount: number;
  readonly updatedAt: string;
}

export function sagaViewOf(
  row: SagaRow,
  facts: { now: Date; stuckAfterMs: number; hasDeadLetters: boolean },
): SagaView {
  return {
    sagaId: row.saga_id,
    type: row.saga_type,
    status: visibleStatus(row.status, { ...facts, lastMessageAt: row.last_message_at }),
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    lastMessageType: row.last_message_type,
    lastMessageAt: row.last_message_at.toISOString(),
    messageCount: row.message_count,
    updatedAt: row.updated_at.toISOString(),
  };
}
