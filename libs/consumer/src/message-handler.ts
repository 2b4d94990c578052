import type { SqlClient } from '@blog/sql';
import type { ZodType } from 'zod';
import type { MessageEnvelope } from './envelope';

export interface InboundMessage<Payload> {
  readonly envelope: MessageEnvelope;
  readonly payload: Payload;
  readonly topic: string;
  /** The Kafka key: the producing aggregate's id. */
  readonly key: string;
}

/**
 * One handler per event type (Eventuate's `handle<Event>`): its effects run in `tx`,
 * the same transaction as the inbox row, so they happen exactly once.
 */
export interface MessageHandler<Payload = unknown> {
  readonly type: string;
  readonly schema: ZodType<Payload>;
  /**
   * Brings a payload written at an older schema version to the one `schema` describes, before
   * the check (the contract's upcasters); throws for a version it cannot read. Without it the
   * version is not looked at (the saga monitor reads envelopes only).
   */
  readonly upcast?: (schemaVersion: number, payload: unknown) => unknown;
  handle(tx: SqlClient, message: InboundMessage<Payload>): Promise<void>;
}

/** Keeps each handler's payload type tied to its schema at the definition site. */
export function handlerFor<Payload>(handler: MessageHandler<Payload>): MessageHandler<unknown> {
  return handler as MessageHandler<unknown>;
}
