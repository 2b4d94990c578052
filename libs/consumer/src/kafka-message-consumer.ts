import type { Consumer, IHeaders, Kafka } from 'kafkajs';
import type { ConsumedRecord } from './consumed-record';
import type { RawHeaders } from './envelope';
import type { MessageProcessor, ProcessOutcome } from './message-processor';

export interface KafkaMessageConsumerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly processor: MessageProcessor;
  /** Partitions are independent; within one, records are handled strictly in order. */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Off only in tests that simulate a crash after the effect committed but before the
   * offset did: the next consumer of the group then sees every record again.
   */
  readonly commitOffsets?: boolean;
  readonly onOutcome?: (outcome: ProcessOutcome, record: ConsumedRecord) => void;
}

function decodeHeaders(headers: IHeaders | undefined): RawHeaders {
  const decoded: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    decoded[name] = value === undefined || value === null ? null : value.toString();
  }
  return decoded;
}

/** kafkajs adapter: subscribes, hands each record to the processor, commits offsets after. */
export class KafkaMessageConsumer {
  private readonly consumer: Consumer;

  constructor(private readonly options: KafkaMessageConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      maxWaitTimeInMs: 100,
      allowAutoTopicCreation: false,
    });
  }

  async start(fromBeginning = true): Promise<void> {
    const joined = new Promise<void>((resolve) => {
      const remove = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning });
    await this.consumer.run({
      autoCommit: this.options.commitOffsets ?? true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: async ({ topic, partition, message }) => {
        const record: ConsumedRecord = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          headers: decodeHeaders(message.headers),
          value: message.value?.toString() ?? null,
        };
        const outcome = await this.options.processor.process(record);
        this.options.onOutcome?.(outcome, record);
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
