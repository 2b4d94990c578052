import { randomUUID } from 'node:crypto';
import type { MessageEnvelope } from '@blog/consumer';
import type { MessageContext } from '@blog/contracts';
import type { EventContext } from '@blog/eventstore';
import { currentTraceparent } from '@blog/observability/tracing/traceparent';

/**
 * Why a change happens: an HTTP request (correlation = request id, actor = caller) or an
 * inbound message (correlation carried on, causation = that message's id). Every event
 * and outbox message the change writes carries it, plus the saga id when there is one.
 */
export interface Cause {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: string;
}

export const SYSTEM_ACTOR = 'system:post';

export function causeOfMessage(envelope: MessageEnvelope): Cause {
  return {
    correlationId: envelope.correlationId,
    causationId: envelope.messageId,
    actor: SYSTEM_ACTOR,
  };
}

/** Events record the active span (the request's, or the consumer's continued from Kafka). */
export function eventContextOf(cause: Cause, sagaId: string | null = null): EventContext {
  return { ...cause, sagaId, traceparent: currentTraceparent() };
}

/**
 * A new message id per outbox message; the rest comes from the cause. The outbox writer
 * stamps the active span's traceparent, so the next consumer continues this trace.
 */
export function messageContextOf(cause: Cause, sagaId: string | null = null): MessageContext {
  return {
    messageId: randomUUID(),
    correlationId: cause.correlationId,
    causationId: cause.causationId,
    sagaId,
    occurredAt: new Date(),
  };
}
