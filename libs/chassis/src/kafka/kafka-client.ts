import { Kafka, type KafkaConfig } from 'kafkajs';
import { stopIdleRequestQueueTimers } from './request-queue-idle-fix';

/** Every Kafka client a service makes: kafkajs without its idle timer loop. */
export function createKafka(config: KafkaConfig): Kafka {
  stopIdleRequestQueueTimers();
  return new Kafka(config);
}
