import type { Event } from '@blog/domain';

export type { Event, EventData, JsonValue } from '@blog/domain';

/** The envelope every stored event carries (STYLE.md rule 4). */
export interface EventMetadata {
  readonly messageId: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly sagaId?: string | null;
  readonly traceparent?: string | null;
  /** Who caused it (account id, `system:<job>`), for audit. */
  readonly actor?: string | null;
  /** ISO-8601. */
  readonly occurredAt: string;
  /** The shape of `data` as read: after upcasting, the current version of the type. */
  readonly schemaVersion: number;
}

/**
 * What the command's context contributes to every event it appends. The store fills in
 * the rest: a fresh messageId per event, occurredAt, and the type's current schema version.
 */
export interface EventContext {
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly sagaId?: string | null;
  readonly traceparent?: string | null;
  readonly actor?: string | null;
  /** Defaults to the time of the append. */
  readonly occurredAt?: Date;
}

/** Where an event sits in the log; `transactionId` is the writer's xid8 as a string. */
export interface EventPosition {
  readonly streamId: string;
  readonly version: number;
  readonly globalPosition: number;
  readonly transactionId: string;
}

/** An event as read back: distributes over a union, so narrowing on `type` still works. */
export type RecordedEvent<E extends Event = Event> = E &
  EventPosition & {
    readonly metadata: EventMetadata;
    readonly recordedAt: Date;
  };

/**
 * `no_stream`: the stream must not exist yet; a number: the stream must be exactly at
 * that version (0 is the same as `no_stream`); `any`: no check.
 */
export type ExpectedVersion = number | 'no_stream' | 'any';
