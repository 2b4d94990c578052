import { currentTraceparent } from '@blog/observability/tracing/traceparent';
import type { SqlClient } from '@blog/sql';
import type { OutboxMessage } from './outbox-message';

const COLUMNS = [
  'id',
  'aggregatetype',
  'aggregateid',
  'type',
  'payload',
  'correlation_id',
  'causation_id',
  'saga_id',
  'traceparent',
  'occurred_at',
  'schema_version',
] as const;

export type OutboxColumn = (typeof COLUMNS)[number];

/** The outbox row of a message, by column: what Debezium's outbox router reads. */
export function outboxRowOf(message: OutboxMessage): Readonly<Record<OutboxColumn, unknown>> {
  return {
    id: message.messageId,
    aggregatetype: message.aggregateType,
    aggregateid: message.aggregateId,
    type: message.type,
    payload: JSON.stringify(message.payload),
    correlation_id: message.correlationId,
    causation_id: message.causationId ?? null,
    saga_id: message.sagaId ?? null,
    // The span writing the row (the request's, or the consumer's that continued the inbound
    // message), so the next consumer becomes its child: Debezium carries it in a header.
    // Some services pass on the traceparent they received (the request header, the inbound
    // envelope's); preferring that made every consumer a sibling of the writer, hanging off
    // the gateway's span. It still serves where this process does not trace.
    traceparent: currentTraceparent() ?? message.traceparent ?? null,
    occurred_at: message.occurredAt,
    schema_version: message.schemaVersion,
  };
}

function rowOf(message: OutboxMessage): unknown[] {
  const row = outboxRowOf(message);
  return COLUMNS.map((column) => row[column]);
}

/**
 * Writes messages to the outbox in the caller's transaction: committed together with
 * the state change, or not at all. One multi-row INSERT per call keeps the hot path to
 * a single round trip.
 */
export async function publishToOutbox(
  tx: SqlClient,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const width = COLUMNS.length;
  const tuples = messages.map(
    (_, row) => `(${COLUMNS.map((_, column) => `$${row * width + column + 1}`).join(', ')})`,
  );
  await tx.query(
    `INSERT INTO outbox (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`,
    messages.flatMap(rowOf),
  );
}
