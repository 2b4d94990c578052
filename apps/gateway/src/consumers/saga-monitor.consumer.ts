import { InboxConsumer, type InboxContext, OnEnvelopes } from '@blog/chassis';
import { Ctx, Payload } from '@nestjs/microservices';
import { recordSagaMessage } from '../commands/record-saga-message/record-saga-message';
import { contractMessages } from './contract-messages';

/** The group of the saga monitor's instances, and its inbox. */
export const SAGA_MONITOR = 'gateway.saga-monitor';

const OUTBOX_TOPIC_PREFIX = 'outbox.event.';

/** `outbox.event.<aggregatetype>`: Debezium's routing puts the producing aggregate there. */
const aggregateTypeOf = (topic: string) =>
  topic.startsWith(OUTBOX_TOPIC_PREFIX) ? topic.slice(OUTBOX_TOPIC_PREFIX.length) : topic;

/**
 * The saga monitor's inbound channel: every contract message, through the inbox, into the
 * sagas' timelines. It reads only the envelope: the payload is the producer's and its
 * consumers' business, so the monitor never dead-letters a message over its payload.
 */
@InboxConsumer(SAGA_MONITOR)
export class SagaMonitorConsumer {
  @OnEnvelopes(contractMessages())
  async sagaMessage(@Payload() _payload: unknown, @Ctx() { tx, message }: InboxContext) {
    const { envelope, topic, key } = message;
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
  }
}
