import type { Producer } from 'kafkajs';
import type { ConsumedRecord, DeadLetterNotice, DeadLetterSink } from './consumed-record';

export const deadLetterTopic = (topic: string) => `${topic}.dlq`;

/**
 * Announces a dead letter on `<topic>.dlq` with the original key, value and headers plus
 * the error. This and nothing else produces to Kafka directly: it reports a failure
 * rather than publishing a state change, and the dead_letters row is already committed.
 */
export class KafkaDeadLetterSink implements DeadLetterSink {
  constructor(private readonly producer: Producer) {}

  async publish(record: ConsumedRecord, notice: DeadLetterNotice): Promise<void> {
    const original = Object.fromEntries(
      Object.entries(record.headers).filter(
        (entry): entry is [string, string] => entry[1] !== null,
      ),
    );
    await this.producer.send({
      topic: deadLetterTopic(record.topic),
      acks: -1,
      messages: [
        {
          key: record.key,
          value: record.value,
          headers: {
            ...original,
            'dlq.consumer': notice.consumer,
            'dlq.reason': notice.reason,
            'dlq.error': notice.error.slice(0, 4_000),
            'dlq.attempts': String(notice.attempts),
            'dlq.original.topic': record.topic,
            'dlq.original.partition': String(record.partition),
            'dlq.original.offset': record.offset,
          },
        },
      ],
    });
  }
}
