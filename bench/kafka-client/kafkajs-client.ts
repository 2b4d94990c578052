import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { BenchRecord, ClientUnderTest } from './client-under-test';

/** kafkajs 2.2.4, configured as the services configure it (libs/consumer, ConsumerHost). */
export function kafkajsClient(brokers: readonly string[]): ClientUnderTest {
  const kafka = new Kafka({
    clientId: 'bench-kafkajs',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  return {
    name: 'kafkajs 2.2.4',
    connect: () => producer.connect(),
    produce: async (topic, records: readonly BenchRecord[]) => {
      await producer.send({
        topic,
        acks: -1,
        messages: records.map((record) => ({ ...record, headers: { ...record.headers } })),
      });
    },
    consume: async (topic, groupId, count) => {
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      let seen = 0;
      let first = Number.NaN;
      const done = new Promise<number>((resolveDone) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            message.value?.toString();
            for (const header of Object.values(message.headers ?? {})) header?.toString();
            if (seen === 0) first = performance.now();
            seen += 1;
            if (seen === count) resolveDone(performance.now());
          },
        });
      });
      const last = await done;
      await consumer.disconnect();
      return { first, last };
    },
    close: () => producer.disconnect(),
  };
}
