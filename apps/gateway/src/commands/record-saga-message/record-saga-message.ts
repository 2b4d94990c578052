import type { SqlClient } from '@blog/sql';
import { summariseSaga } from '../../domain/saga-summary';

export interface SagaMessageRecord {
  readonly sagaId: string;
  readonly messageId: string;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly occurredAt: Date;
}

interface MessageRow {
  message_id: string;
  type: string;
  occurred_at: Date;
}

/**
 * Adds one message to its saga and recomputes the saga's summary from all of its
 * messages. The saga row is locked first, so two messages of one saga arriving on
 * different partitions at once are applied one after the other, each seeing the other.
 */
export async function recordSagaMessage(tx: SqlClient, message: SagaMessageRecord): Promise<void> {
  await tx.query(
    `INSERT INTO sagas (saga_id, status, started_at, last_message_type, last_message_at, message_count)
     VALUES ($1, 'running', $2, $3, $2, 0)
     ON CONFLICT (saga_id) DO UPDATE SET saga_id = EXCLUDED.saga_id`,
    [message.sagaId, message.occurredAt, message.type],
  );
  const inserted = await tx.query(
    `INSERT INTO saga_messages (saga_id, message_id, type, aggregate_type, aggregate_id,
                                correlation_id, causation_id, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (message_id) DO NOTHING`,
    [
      message.sagaId,
      message.messageId,
      message.type,
      message.aggregateType,
      message.aggregateId,
      message.correlationId,
      message.causationId,
      message.occurredAt,
    ],
  );
  if (inserted.rowCount === 0) return;
  const { rows } = await tx.query<MessageRow>(
    `SELECT message_id, type, occurred_at FROM saga_messages WHERE saga_id = $1`,
    [message.sagaId],
  );
  const summary = summariseSaga(
    rows.map((row) => ({ messageId: row.message_id, type: row.type, occurredAt: row.occurred_at })),
  );
  await tx.query(
    `UPDATE sagas SET saga_type = $2, status = $3, started_at = $4, ended_at = $5,
            last_message_type = $6, last_message_at = $7, message_count = $8, updated_at = now()
      WHERE saga_id = $1`,
    [
      message.sagaId,
      summary.sagaType,
      summary.status,
      summary.startedAt,
      summary.endedAt,
      summary.lastMessageType,
      summary.lastMessageAt,
      summary.messageCount,
    ],
  );
}
