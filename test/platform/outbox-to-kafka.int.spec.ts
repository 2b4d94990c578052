import { randomUUID } from 'node:crypto';
import { OUTBOX_SERVICES, type ServiceName } from '@blog/chassis';
import { type OutboxMessage, outboxTopic, publishToOutbox } from '@blog/outbox';
import { ensureTopics, type ReceivedRecord, STACK, TopicRecorder, uniqueName } from '@blog/testing';
import { Client } from 'pg';

// Through the real pieces: a service database's outbox → Debezium → Kafka.
const DELIVERY_BOUND_MS = 30_000;

function message(aggregateType: string, aggregateId: string, payload: object): OutboxMessage {
  return {
    messageId: randomUUID(),
    aggregateType,
    aggregateId,
    type: 'ProbeHappened',
    payload: { ...payload },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    sagaId: randomUUID(),
    traceparent: `00-${randomUUID().replace(/-/g, '')}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`,
    occurredAt: new Date(),
    schemaVersion: 2,
  };
}

async function connect(service: ServiceName): Promise<Client> {
  const client = new Client({ connectionString: STACK.serviceDatabaseUrl(service) });
  await client.connect();
  return client;
}

async function commit(client: Client, messages: readonly OutboxMessage[]): Promise<number> {
  await client.query('BEGIN');
  await publishToOutbox(client, messages);
  await client.query('COMMIT');
  return Date.now();
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

describe('outbox rows reach Kafka through Debezium', () => {
  const types = Object.fromEntries(
    OUTBOX_SERVICES.map((service) => [service, uniqueName(`it-${service}`).replace(/_/g, '-')]),
  ) as Record<ServiceName, string>;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    const topics = Object.values(types).map(outboxTopic);
    await ensureTopics(topics);
    recorder = await TopicRecorder.start(topics);
  });
  afterAll(() => recorder.stop());

  it.each(OUTBOX_SERVICES)(
    'routes a committed %s outbox row to outbox.event.<aggregatetype> with key, JSON value and envelope headers',
    async (service) => {
      const client = await connect(service);
      const sent = message(types[service], randomUUID(), { title: 'hello', n: 1, tags: ['a'] });
      try {
        const committedAt = await commit(client, [sent]);
        await recorder.waitFor(
          (records) => records.some((r) => r.headers['id'] === sent.messageId),
          DELIVERY_BOUND_MS,
        );
        const received = recorder.records.find((r) => r.headers['id'] === sent.messageId);
        expect(received).toMatchObject({
          topic: `outbox.event.${types[service]}`,
          key: sent.aggregateId,
          value: { title: 'hello', n: 1, tags: ['a'] },
        });
        expect(received?.headers).toMatchObject({
          id: sent.messageId,
          eventType: 'ProbeHappened',
          correlationId: sent.correlationId,
          causationId: sent.causationId,
          sagaId: sent.sagaId,
          traceparent: sent.traceparent,
          schemaVersion: '2',
        });
        expect(Date.parse(received?.headers['occurredAt'] ?? '')).toBe(sent.occurredAt.getTime());
        process.stdout.write(
          `commit-to-Kafka ${service}: ${(received?.receivedAt ?? 0) - committedAt} ms\n`,
        );
      } finally {
        await client.end();
      }
    },
  );

  it('publishes nothing for a rolled-back transaction', async () => {
    const client = await connect('post');
    const aggregateType = types.post;
    const rolledBack = message(aggregateType, randomUUID(), { fate: 'rolled back' });
    const sentinel = message(aggregateType, randomUUID(), { fate: 'committed after' });
    try {
      await client.query('BEGIN');
      await publishToOutbox(client, [rolledBack]);
      await client.query('ROLLBACK');
      await commit(client, [sentinel]);
      // Same connector, committed later: once the sentinel is here, the WAL before it was read.
      await recorder.waitFor(
        (records) => records.some((r) => r.headers['id'] === sentinel.messageId),
        DELIVERY_BOUND_MS,
      );
      expect(recorder.records.filter((r) => r.headers['id'] === rolledBack.messageId)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('delivers a burst of 1,000 rows from 20 writers, none lost, in order per aggregate', async () => {
    const aggregateType = types.blog;
    const aggregates: string[] = Array.from({ length: 20 }, () => randomUUID());
    const committedAt = new Map<string, number>();
    await Promise.all(
      aggregates.map(async (aggregateId) => {
        const client = await connect('blog');
        try {
          for (let seq = 0; seq < 50; seq += 1) {
            const sent = message(aggregateType, aggregateId, { seq });
            committedAt.set(sent.messageId, await commit(client, [sent]));
          }
        } finally {
          await client.end();
        }
      }),
    );
    const ofBurst = (records: readonly ReceivedRecord[]) =>
      records.filter((r) => r.key !== null && aggregates.includes(r.key));
    await recorder.waitFor((records) => ofBurst(records).length >= 1_000, DELIVERY_BOUND_MS * 2);

    const burst = ofBurst(recorder.records);
    expect(new Set(burst.map((r) => r.headers['id'])).size).toBe(1_000);
    for (const aggregateId of aggregates) {
      const seqs = burst
        .filter((r) => r.key === aggregateId)
        .map((r) => (r.value as { seq: number }).seq);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
    const latencies = burst.map(
      (r) => r.receivedAt - (committedAt.get(r.headers['id'] ?? '') ?? 0),
    );
    process.stdout.write(
      `burst commit-to-Kafka: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms\n`,
    );
  });
});
