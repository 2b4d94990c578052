import type { JsonValue } from '@blog/domain';

/** JSON a payload may hold: what `jsonb` stores and Debezium expands into the record value. */
export type { JsonValue };

/**
 * One integration message as a service hands it to the outbox. Field names follow the
 * envelope every message carries (STYLE.md rule 4); columns follow Debezium's router.
 */
export interface OutboxMessage {
  readonly messageId: string;
  /** Routes the topic: `outbox.event.<aggregateType>`. Lower-case, topic-safe. */
  readonly aggregateType: string;
  /** Kafka key: all messages of one aggregate land on one partition, in order. */
  readonly aggregateId: string;
  readonly type: string;
  readonly payload: JsonValue;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly sagaId?: string | null;
  readonly traceparent?: string | null;
  readonly occurredAt: Date;
  readonly schemaVersion: number;
}

/** `outbox.event.<aggregatetype>`: Debezium's default route for the outbox event router. */
export function outboxTopic(aggregateType: string): string {
  return `outbox.event.${aggregateType}`;
}
