import { randomUUID } from 'node:crypto';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { ConcurrencyError } from '../errors/concurrency.error';
import { UnknownSchemaVersionError } from '../errors/unknown-schema-version.error';
import type { EventContext } from '../events/event';
import {
  createCounterSummaries,
  projectCounterSummaries,
} from '../example/counter-summary.inline-projection';
import type { CounterEvent } from '../example/domain/counter.events';
import { counterUpcasters } from '../example/domain/counter.upcasters';
import { eventStoreMigrations } from '../migrations/event-store-migrations';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { START_CHECKPOINT } from './checkpoint';
import { EventStore } from './event-store';

const context: EventContext = {
  correlationId: 'corr-1',
  causationId: 'cause-1',
  sagaId: 'saga-1',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  actor: 'account-7',
};
const opened: CounterEvent = { type: 'CounterOpened', data: { name: 'c', limit: 100 } };
const incremented = (by: number): CounterEvent => ({
  type: 'CounterIncremented',
  data: { by, source: 'spec' },
});

describe('EventStore against Postgres', () => {
  let database: TestDatabase;
  let pool: Pool;
  const store = new EventStore({
    upcasters: new UpcasterRegistry(counterUpcasters),
    inlineProjections: [projectCounterSummaries],
  });
  const stream = () => `counter-${randomUUID()}`;
  const append = (
    streamId: string,
    events: CounterEvent[],
    expected: number | 'no_stream' | 'any',
  ) =>
    inTransaction(pool, (tx) => store.append(tx, streamId, 'counter', events, expected, context));
  const count = async (sql: string, values: unknown[]) =>
    Number((await pool.query<{ n: string }>(sql, values)).rows[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase('eventstore');
    await database.migrate(eventStoreMigrations);
    pool = database.pool();
    await inTransaction(pool, createCounterSummaries);
  });
  afterAll(() => database.drop());

  it('appends events with versions, positions, the transaction id and the envelope, and reads them back', async () => {
    const streamId = stream();
    const appended = await append(streamId, [opened, incremented(2)], 'no_stream');

    expect(appended.nextExpectedVersion).toBe(2);
    const [first, second] = appended.events;
    expect(first).toMatchObject({ ...opened, streamId, version: 1 });
    expect(second).toMatchObject({ ...incremented(2), streamId, version: 2 });
    expect(second!.globalPosition).toBeGreaterThan(first!.globalPosition);
    expect(first!.transactionId).toMatch(/^\d+$/);
    expect(second!.transactionId).toBe(first!.transactionId);
    expect(first!.metadata).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      correlationId: 'corr-1',
      causationId: 'cause-1',
      sagaId: 'saga-1',
      traceparent: context.traceparent,
      actor: 'account-7',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      schemaVersion: 1,
    });
    expect(second!.metadata.messageId).not.toBe(first!.metadata.messageId);
    // CounterIncremented has one upcaster, so new ones are written at version 2.
    expect(second!.metadata.schemaVersion).toBe(2);

    const read = await inTransaction(pool, (tx) => store.readStream<CounterEvent>(tx, streamId));
    expect(read).toEqual(appended.events);
    const fromTwo = await inTransaction(pool, (tx) => store.readStream(tx, streamId, 2));
    expect(fromTwo.map((event) => event.version)).toEqual([2]);
  });

  it('lets exactly one of many concurrent appends at the same expected version win', async () => {
    const streamId = stream();
    await append(streamId, [opened], 'no_stream');

    const contenders = Array.from({ length: 8 }, (_, contender) =>
      inTransaction(pool, async (tx) => {
        const result = await store.append(
          tx,
          streamId,
          'counter',
          [incremented(contender + 1), incremented(contender + 1)],
          1,
          context,
        );
        // Hold the stream row so the others queue on it rather than run after us.
        await tx.query('SELECT pg_sleep(0.1)');
        return result;
      }),
    );
    const outcomes = await Promise.allSettled(contenders);

    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const losers = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(7);
    for (const loser of losers) {
      expect(loser).toBeInstanceOf(ConcurrencyError);
      expect(loser).toMatchObject({
        code: 'EVENTSTORE.CONCURRENCY',
        streamId,
        expected: 1,
        actual: 3,
      });
    }
    const winner = winners[0]!.value;
    const stored = await inTransaction(pool, (tx) => store.readStream(tx, streamId));
    expect(stored.map((event) => event.version)).toEqual([1, 2, 3]);
    expect(stored.slice(1)).toEqual(winner.events);
    expect(
      await count('SELECT version AS n FROM event_streams WHERE stream_id = $1', [streamId]),
    ).toBe(3);
  });

  it('refuses a second no_stream append, sequential or concurrent', async () => {
    const streamId = stream();
    await append(streamId, [opened], 'no_stream');
    await expect(append(streamId, [opened], 'no_stream')).rejects.toMatchObject({
      code: 'EVENTSTORE.CONCURRENCY',
      expected: 'no_stream',
      actual: 1,
    });
    await expect(append(streamId, [opened], 0)).rejects.toBeInstanceOf(ConcurrencyError);

    const racing = stream();
    const outcomes = await Promise.allSettled([
      append(racing, [opened], 'no_stream'),
      append(racing, [opened], 'no_stream'),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await count('SELECT count(*) AS n FROM events WHERE stream_id = $1', [racing])).toBe(1);
  });

  it('refuses a stale expected version and reports the actual one', async () => {
    const streamId = stream();
    await append(streamId, [opened, incremented(1)], 'no_stream');
    await expect(append(streamId, [incremented(1)], 1)).rejects.toMatchObject({
      expected: 1,
      actual: 2,
    });
    await expect(append(stream(), [incremented(1)], 3)).rejects.toMatchObject({
      expected: 3,
      actual: null,
    });
  });

  it("appends with 'any' whether or not the stream exists", async () => {
    const streamId = stream();
    expect((await append(streamId, [opened], 'any')).nextExpectedVersion).toBe(1);
    expect(
      (await append(streamId, [incremented(1), incremented(1)], 'any')).nextExpectedVersion,
    ).toBe(3);
  });

  it("writes nothing when the caller's transaction rolls back: no events, no stream row, no inline read model", async () => {
    const streamId = stream();
    const failure = new Error('outbox insert failed');
    await expect(
      inTransaction(pool, async (tx) => {
        await store.append(tx, streamId, 'counter', [opened, incremented(5)], 'no_stream', context);
        // The inline projection ran inside this transaction.
        const inside = await tx.query('SELECT total FROM counter_summaries WHERE stream_id = $1', [
          streamId,
        ]);
        expect(inside.rows).toEqual([{ total: 5 }]);
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await count('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId])).toBe(
      0,
    );
    expect(
      await count('SELECT count(*) AS n FROM event_streams WHERE stream_id = $1', [streamId]),
    ).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM counter_summaries WHERE stream_id = $1', [streamId]),
    ).toBe(0);
    // And the stream is still new: the rolled-back append left no trace to conflict with.
    await expect(append(streamId, [opened], 'no_stream')).resolves.toBeDefined();
  });

  it('upcasts old rows on read and never rewrites them', async () => {
    const streamId = stream();
    await append(streamId, [opened], 'no_stream');
    // A v1 row as an older release wrote it: `{ amount }` instead of `{ by, source }`.
    await pool.query(
      `INSERT INTO events (stream_id, version, type, data, metadata, schema_version)
       VALUES ($1, 2, 'CounterIncremented', '{"amount": 5}', $2, 1)`,
      [
        streamId,
        JSON.stringify({
          messageId: randomUUID(),
          correlationId: 'old',
          occurredAt: '2020-01-01T00:00:00.000Z',
        }),
      ],
    );
    await pool.query('UPDATE event_streams SET version = 2 WHERE stream_id = $1', [streamId]);

    const [, upcast] = await inTransaction(pool, (tx) =>
      store.readStream<CounterEvent>(tx, streamId),
    );
    expect(upcast).toMatchObject({
      type: 'CounterIncremented',
      data: { by: 5, source: 'unknown' },
      metadata: { schemaVersion: 2, correlationId: 'old' },
    });
    const raw = await pool.query(
      'SELECT data, schema_version FROM events WHERE stream_id = $1 AND version = 2',
      [streamId],
    );
    expect(raw.rows).toEqual([{ data: { amount: 5 }, schema_version: 1 }]);

    const all = await inTransaction(pool, (tx) => store.readAll(tx, START_CHECKPOINT, 10_000));
    expect(
      all.events.find((event) => event.streamId === streamId && event.version === 2)?.data,
    ).toEqual({
      by: 5,
      source: 'unknown',
    });
  });

  it('refuses to read an event stored at a schema version newer than the code', async () => {
    const streamId = stream();
    await append(streamId, [opened], 'no_stream');
    await pool.query(`UPDATE events SET schema_version = 9 WHERE stream_id = $1`, [streamId]);
    await expect(
      inTransaction(pool, (tx) => store.readStream(tx, streamId)),
    ).rejects.toBeInstanceOf(UnknownSchemaVersionError);
    await pool.query(`DELETE FROM events WHERE stream_id = $1`, [streamId]);
  });

  it('appends more events than one INSERT may carry, in chunks, in one transaction', async () => {
    const streamId = stream();
    const many = [opened, ...Array.from({ length: 4_499 }, () => incremented(1))];
    const result = await inTransaction(pool, (tx) =>
      new EventStore().append(tx, streamId, 'counter', many, 'no_stream', context),
    );
    expect(result.nextExpectedVersion).toBe(4_500);
    expect(result.events.map((event) => event.version)).toEqual(many.map((_, index) => index + 1));
    const positions = result.events.map((event) => event.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(result.events.map((event) => event.transactionId)).size).toBe(1);
    expect(await count('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId])).toBe(
      4_500,
    );
  });

  it('pages through the whole log in (transaction, position) order with a checkpoint', async () => {
    // Old transaction ids of different lengths, the later one with the lower position:
    // they must sort as numbers (99 before 100), not as text.
    for (const [transactionId, version] of [
      ['100', 1],
      ['99', 2],
    ] as const) {
      await pool.query(
        `INSERT INTO events (transaction_id, stream_id, version, type, data, metadata)
         VALUES ($1::xid8, 'counter-old-xids', $2, 'CounterOpened', '{"name": "old", "limit": 1}', $3)`,
        [
          transactionId,
          version,
          JSON.stringify({
            messageId: randomUUID(),
            correlationId: 'old',
            occurredAt: '2020-01-01T00:00:00.000Z',
          }),
        ],
      );
    }
    const all = await inTransaction(pool, (tx) => store.readAll(tx, START_CHECKPOINT, 1_000_000));
    const paged = [];
    let checkpoint = START_CHECKPOINT;
    for (;;) {
      const page = await inTransaction(pool, (tx) => store.readAll(tx, checkpoint, 777));
      if (page.events.length === 0) break;
      paged.push(...page.events);
      checkpoint = page.checkpoint;
    }
    expect(paged.map((event) => event.globalPosition)).toEqual(
      all.events.map((event) => event.globalPosition),
    );
    expect(all.events.slice(0, 2).map((event) => event.transactionId)).toEqual(['99', '100']);
    const keys = all.events.map(
      (event) => [BigInt(event.transactionId), event.globalPosition] as const,
    );
    keys.slice(1).forEach(([tx, position], index) => {
      const [previousTx, previousPosition] = keys[index]!;
      expect(tx > previousTx || (tx === previousTx && position > previousPosition)).toBe(true);
    });
  });

  it('appending no events writes nothing and reports the current version', async () => {
    const streamId = stream();
    expect((await append(streamId, [], 'no_stream')).nextExpectedVersion).toBe(0);
    await append(streamId, [opened], 'no_stream');
    expect((await append(streamId, [], 5)).nextExpectedVersion).toBe(1);
  });
});
