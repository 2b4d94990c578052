import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '@blog/consumer';
import type { MessageContext } from '@blog/contracts';
import type { EventContext } from '@blog/eventstore';

/** Events appended because of `cause`: same correlation, saga and trace; caused by it. */
export function reactionEventContext(cause: InboundMessage<unknown>): EventContext {
  return {
    correlationId: cause.envelope.correlationId,
    causationId: cause.envelope.messageId,
    sagaId: cause.envelope.sagaId,
    traceparent: cause.envelope.traceparent,
    actor: 'system:subscribe',
  };
}

/** A message sent because of `cause`: a fresh id, the rest carried over. */
export function reactionContext(cause: InboundMessage<unknown>): MessageContext {
  return { ...reactionEventContext(cause), messageId: randomUUID(), occurredAt: new Date() };
}
