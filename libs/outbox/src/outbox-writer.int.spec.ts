import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { useInMemoryTracing } from '@blog/observability/testing/in-memory-tracing';
import { formatTraceparent } from '@blog/observability/tracing/traceparent';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import { outboxMigrations } from './index';
import { publishToOutbox } from './outbox-writer';

const RECEIVED = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('outbox traceparent', () => {
  useInMemoryTracing();
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('outbox_traceparent');
    await database.migrate(outboxMigrations);
  });
  afterAll(() => database.drop());

  const write = (traceparent: string | null) => {
    const messageId = randomUUID();
    return inTransaction(database.pool(), async (tx) => {
      await publishToOutbox(tx, [
        {
          messageId,
          aggregateType: 'probe',
          aggregateId: 'a',
          type: 'Probe',
          payload: {},
          correlationId: 'c',
          traceparent,
          occurredAt: new Date(),
          schemaVersion: 1,
        },
      ]);
      const { rows } = await tx.query<{ traceparent: string | null }>(
        'SELECT traceparent FROM outbox WHERE id = $1',
        [messageId],
      );
      return rows[0]?.traceparent;
    });
  };

  it('is the writing span, so the consumer becomes its child, not its sibling', async () => {
    const { stored, writer } = await trace
      .getTracer('spec')
      .startActiveSpan('handle request', async (span) => {
        const result = { stored: await write(RECEIVED), writer: span.spanContext() };
        span.end();
        return result;
      });
    expect(stored).toBe(formatTraceparent(writer));
  });

  it('falls back to the one passed on where nothing is traced', async () => {
    expect(await write(RECEIVED)).toBe(RECEIVED);
    expect(await write(null)).toBeNull();
  });
});
