import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '@blog/consumer';
import type { MessageContext } from '@blog/contracts';

/** A message sent because of `cause`: same correlation, saga and trace; caused by it. */
export function reactionContext(cause: InboundMessage<unknown>): MessageContext {
  return {
    messageId: randomUUID(),
    correlationId: cause.envelope.correlationId,
    causationId: cause.envelope.messageId,
    sagaId: cause.envelope.sagaId,
    traceparent: cause.envelope.traceparent,
    occurredAt: new Date(),
  };
}
