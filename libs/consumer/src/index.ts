export type { ConsumedRecord, DeadLetterReason, DeadLetterSink } from './consumed-record';
export { consumerLag, type PartitionLag } from './consumer-lag';
export {
  type DeadLetter,
  DeadLetterAdmin,
  type DeadLetterFilter,
  type RedriveResult,
} from './dead-letter-admin';
export { ensureTopics } from './ensure-topics';
export { decodeEnvelope, type MessageEnvelope } from './envelope';
export { deadLetterTopic, KafkaDeadLetterSink } from './kafka-dead-letter-sink';
export { KafkaMessageConsumer } from './kafka-message-consumer';
export { handlerFor, type InboundMessage, type MessageHandler } from './message-handler';
export { MessageProcessor, type ProcessOutcome } from './message-processor';
export { DEFAULT_RETRY, type RetryPolicy } from './retry-policy';

import { CreateInbox1763900100000 } from './migrations/1763900100000-create-inbox';

/** Migrations every consuming service runs. */
export const consumerMigrations = [CreateInbox1763900100000];
