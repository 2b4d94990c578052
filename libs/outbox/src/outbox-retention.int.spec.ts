import { randomUUID } from 'node:crypto';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import { outboxMigrations } from './index';
import { publishToOutbox } from './outbox-writer';
import { pruneOutbox } from './outbox-retention';

describe('outbox retention', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('outbox_retention');
    await database.migrate(outboxMigrations);
  });
  afterAll(() => database.drop());

  it('deletes only rows older than the window, in batches', async () => {
    const pool = database.pool();
    const row = (daysAgo: number) => ({
      messageId: randomUUID(),
      aggregateType: 'probe',
      aggregateId: 'a',
      type: 'Probe',
      payload: { daysAgo },
      correlationId: 'c',
      occurredAt: new Date(Date.now() - daysAgo * 86_400_000),
      schemaVersion: 1,
    });
    await inTransaction(pool, (tx) =>
      publishToOutbox(tx, [row(40), row(31), row(31), row(29), row(0)]),
    );

    expect(await inTransaction(pool, (tx) => pruneOutbox(tx, 30, 2))).toBe(2);
    expect(await inTransaction(pool, (tx) => pruneOutbox(tx, 30, 2))).toBe(1);
    expect(await inTransaction(pool, (tx) => pruneOutbox(tx, 30, 2))).toBe(0);
    const left = await pool.query<{ days: number }>(
      `SELECT (payload->>'daysAgo')::int AS days FROM outbox ORDER BY seq`,
    );
    expect(left.rows.map((r) => r.days)).toEqual([29, 0]);
  });
});
