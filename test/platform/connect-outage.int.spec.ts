import { randomUUID } from 'node:crypto';
import { type OutboxMessage, outboxTopic, publishToOutbox } from '@blog/outbox';
import { ensureTopics, STACK, stackCommand, TopicRecorder, uniqueName } from '@blog/testing';
import { Client } from 'pg';

// Kafka Connect is stopped while rows are committed: the replication slot keeps the WAL,
// so every row arrives once Connect is back. Duplicates are allowed at this layer
// (at-least-once; consumers dedupe by message id) and are counted, not hidden.
const ROWS = 200;

describe('Kafka Connect outage', () => {
  it('loses no committed outbox row while Connect is down', async () => {
    const aggregateType = uniqueName('it-outage').replace(/_/g, '-');
    await ensureTopics([outboxTopic(aggregateType)]);
    const recorder = await TopicRecorder.start([outboxTopic(aggregateType)]);
    const client = new Client({ connectionString: STACK.serviceDatabaseUrl('subscribe') });
    await client.connect();
    try {
      await stackCommand('infra/local/infra.sh', ['stop', 'connect']);

      const ids: string[] = [];
      for (let i = 0; i < ROWS; i += 1) {
        const message: OutboxMessage = {
          messageId: randomUUID(),
          aggregateType,
          aggregateId: `agg-${i % 10}`,
          type: 'OutageProbe',
          payload: { i },
          correlationId: randomUUID(),
          occurredAt: new Date(),
          schemaVersion: 1,
        };
        ids.push(message.messageId);
        await client.query('BEGIN');
        await publishToOutbox(client, [message]);
        await client.query('COMMIT');
      }

      await stackCommand('infra/local/infra.sh', ['up']);
      await stackCommand('infra/local/infra.sh', ['wait-connectors']);
      await recorder.waitFor(
        (records) => new Set(records.map((r) => r.headers['id'])).size >= ROWS,
        120_000,
      );

      const received = recorder.records.map((r) => r.headers['id']);
      expect(new Set(received)).toEqual(new Set(ids));
      process.stdout.write(`connect outage: ${ROWS} rows, ${received.length - ROWS} duplicates\n`);
    } finally {
      // Bring Connect back even when an assertion failed: later specs need it.
      await stackCommand('infra/local/infra.sh', ['up']);
      await client.end();
      await recorder.stop();
    }
  });
});
