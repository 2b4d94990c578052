import type { MessageHandler } from '@blog/consumer';
import { z } from 'zod';
import { recordSagaMessage } from '../commands/record-saga-message/record-saga-message';
import { contractMessages } from './contract-messages';

const OUTBOX_TOPIC_PREFIX = 'outbox.event.';

/** `outbox.event.<aggregatetype>`: Debezium's routing puts the producing aggregate there. */
export const aggregateTypeOf = (topic: string) =>
  topic.startsWith(OUTBOX_TOPIC_PREFIX) ? topic.slice(OUTBOX_TOPIC_PREFIX.length) : topic;

/**
 * One handler per contract message type (the processor routes by type and ignores the
 * rest). The payload is the producer's and its consumers' business: the monitor reads
 * only the envelope, so it never dead-letters a message over its payload.
 */
export function sagaMessageHandlers(): MessageHandler<unknown>[] {
  return [...new Set(contractMessages().map((contract) => contract.type))].map((type) => ({
    type,
    schema: z.unknown(),
    handle: async (tx, { envelope, topic, key }) => {
      if (envelope.sagaId === null) return;
      await recordSagaMessage(tx, {
        sagaId: envelope.sagaId,
        messageId: envelope.messageId,
        type: envelope.type,
        aggregateType: aggregateTypeOf(topic),
        aggregateId: key,
        correlationId: envelope.correlationId,
        causationId: envelope.causationId,
        occurredAt: new Date(envelope.occurredAt),
      });
    },
  }));
}
