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
  handle(tx: SqlClient, message: InboundMessage<Payload>): Promise<void>;
}

/** Keeps each handler's payload type tied to its schema at the definition site. */
export function handlerFor<Payload>(handler: MessageHandler<Payload>): MessageHandler<unknown> {
  return handler as MessageHandler<unknown>;
}
