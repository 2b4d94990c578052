import { randomUUID } from 'node:crypto';
import type { MessageEnvelope } from '@blog/consumer';
import type { MessageContext } from '@blog/contracts';
import type { EventContext } from '@blog/eventstore';
import { currentTraceparent } from '@blog/observability/tracing/traceparent';

/**
 * Why a write happens: an HTTP request (correlation = the request id, actor = the caller),
 * an inbound message (correlation carried on, causation = that message's id) or a deadline.
 * Every event and outbox message the write causes carries it, plus the saga id when there is
 * one. No traceparent: events take the active span's, and the outbox writer stamps it too.
 */
export interface Cause {
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Who caused it, for audit: an account id, `system:<who>`, or null (an anonymous request). */
  readonly actor: string | null;
}

/** A request's cause; its id is the chassis's request id (the gateway's `x-request-id`). */
export function causeOfRequest(requestId: string, actor: string | null): Cause {
  return { correlationId: requestId, causationId: null, actor };
}

/** A reaction to a consumed message continues its correlation and names it as the cause. */
export function causeOfMessage(
  envelope: Pick<MessageEnvelope, 'messageId' | 'correlationId'>,
  actor: string,
): Cause {
  return { correlationId: envelope.correlationId, causationId: envelope.messageId, actor };
}

/** Events record the active span (the request's, or the consumer's continued from Kafka). */
export function eventContextOf(cause: Cause, sagaId: string | null = null): EventContext {
  return { ...cause, sagaId, traceparent: currentTraceparent() };
}

/** A new message id per outbox message; the rest comes from the cause. */
export function messageContextOf(cause: Cause, sagaId: string | null = null): MessageContext {
  return {
    messageId: randomUUID(),
    correlationId: cause.correlationId,
    causationId: cause.causationId,
    sagaId,
    occurredAt: new Date(),
  };
}
