import { ensureTopics as ensureTopicsOn } from '@blog/consumer';
import { type Admin, type Consumer, type IHeaders, Kafka, logLevel } from 'kafkajs';
import { STACK, uniqueName } from './stack-endpoints';

export interface ReceivedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Record<string, string | null>;
  readonly receivedAt: number;
}

const kafka = new Kafka({
  clientId: 'test-probe',
  brokers: [...STACK.kafkaBrokers],
  logLevel: logLevel.NOTHING,
});

function decodeHeaders(headers: IHeaders | undefined): Record<string, string | null> {
  const decoded: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    decoded[name] = value === undefined || value === null ? null : value.toString();
  }
  return decoded;
}

/** Creates topics up front so a consumer can subscribe before the first record exists. */
export async function ensureTopics(topics: readonly string[], partitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopicsOn(admin, topics, partitions);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads topics from the beginning with a throwaway consumer group, collecting every
 * record, until `done` says so or the time runs out.
 */
export class TopicRecorder {
  readonly records: ReceivedRecord[] = [];
  private readonly consumer: Consumer = kafka.consumer({
    groupId: uniqueName('probe'),
    maxWaitTimeInMs: 50,
  });

  static async start(topics: readonly string[]): Promise<TopicRecorder> {
    const recorder = new TopicRecorder();
    const joined = new Promise<void>((resolve) => {
      const remove = recorder.consumer.on(recorder.consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await recorder.consumer.connect();
    await recorder.consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await recorder.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const text = message.value?.toString();
        recorder.records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: text === undefined ? null : JSON.parse(text),
          headers: decodeHeaders(message.headers),
          receivedAt: Date.now(),
        });
      },
    });
    // Latency figures only mean something once the group owns its partitions.
    await joined;
    return recorder;
  }

  async waitFor(done: (records: readonly ReceivedRecord[]) => boolean, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.records)) {
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms with ${this.records.length} records`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.records;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export interface RecordToProduce {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/** Produces records exactly as Debezium's outbox router shapes them (for consumer specs). */
export async function produceRecords(
  topic: string,
  records: readonly RecordToProduce[],
): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: records.map((r) => ({ ...r })) });
  } finally {
    await producer.disconnect();
  }
}

/** An admin client of the local stack's broker for `work`, disconnected after. */
export async function withStackAdmin<T>(
  clientId: string,
  work: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = stackKafka(clientId).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** A kafkajs client on the local stack, for specs that drive the library's consumer. */
export function stackKafka(clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [...STACK.kafkaBrokers], logLevel: logLevel.NOTHING });
}
