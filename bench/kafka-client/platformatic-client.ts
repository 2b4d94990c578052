import {
  Consumer,
  MessagesStreamModes,
  ProduceAcks,
  Producer,
  stringDeserializers,
  stringSerializers,
} from '@platformatic/kafka';
import type { BenchRecord, ClientUnderTest } from './client-under-test';

/** @platformatic/kafka, with the same settings as the kafkajs side. */
export function platformaticClient(brokers: readonly string[]): ClientUnderTest {
  const producer = new Producer({
    clientId: 'bench-platformatic',
    bootstrapBrokers: [...brokers],
    serializers: stringSerializers,
  });
  return {
    name: '@platformatic/kafka 1.35.0',
    // Connects on first use; ask for metadata so the connection is not in the timings.
    connect: async () => {
      await producer.metadata({ topics: [] });
    },
    produce: async (topic, records: readonly BenchRecord[]) => {
      await producer.send({
        acks: ProduceAcks.ALL,
        messages: records.map((record) => ({ topic, ...record, headers: { ...record.headers } })),
      });
    },
    consume: async (topic, groupId, count) => {
      const consumer = new Consumer({
        groupId,
        clientId: 'bench-platformatic',
        bootstrapBrokers: [...brokers],
        deserializers: stringDeserializers,
        maxWaitTime: 100,
      });
      const stream = await consumer.consume({
        topics: [topic],
        mode: MessagesStreamModes.EARLIEST,
      });
      let seen = 0;
      let first = Number.NaN;
      const last = await new Promise<number>((resolveDone, reject) => {
        stream.on('error', reject);
        stream.on('data', (message) => {
          // Deserialised to strings already; touch them as the kafkajs side does.
          void message.value.length;
          for (const value of message.headers.values()) void value.length;
          if (seen === 0) first = performance.now();
          seen += 1;
          if (seen === count) resolveDone(performance.now());
        });
      });
      await stream.close();
      await consumer.close();
      return { first, last };
    },
    close: () => producer.close(),
  };
}
