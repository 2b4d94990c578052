import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase, tolerateForcedDrop } from '@blog/testing';
import { Pool } from 'pg';
import type { RecordedEvent } from '../events/event';
import { counterTotalsProjection } from '../example/counter-totals.projection';
import type { CounterEvent } from '../example/domain/counter.events';
import { counterUpcasters } from '../example/domain/counter.upcasters';
import { seedCounters } from '../example/seed-counters';
import { eventStoreMigrations } from '../migrations/event-store-migrations';
import { EventStore } from '../store/event-store';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { readProjectionState } from './projection-state';

const opened = (name: string): CounterEvent => ({
  type: 'CounterOpened',
  data: { name, limit: 100 },
});
const incremented = (by: number): CounterEvent => ({
  type: 'CounterIncremented',
  data: { by, source: 'spec' },
});

/** The example projection under another name, remembering every event it was handed. */
function recording(name: string) {
  const seen: RecordedEvent[] = [];
  const projection: Projection = {
    ...counterTotalsProjection,
    name,
    async handle(tx, events, table) {
      seen.push(...events);
      await counterTotalsProjection.handle(tx, events, table);
    },
  };
  return { projection, seen };
}

describe('ProjectionRunner', () => {
  let database: TestDatabase;
  let pool: Pool;
  const store = new EventStore({ upcasters: new UpcasterRegistry(counterUpcasters) });
  const context = { correlationId: 'runner' };
  const totals = async (view: string) =>
    (await pool.query(`SELECT stream_id, total::int AS total FROM ${view} ORDER BY stream_id`))
      .rows;

  beforeAll(async () => {
    database = await createTestDatabase('projections');
    await database.migrate(eventStoreMigrations);
    pool = database.pool();
  });
  afterAll(() => database.drop());

  it('never skips an event whose transaction commits after a later-positioned one (interleaved transactions)', async () => {
    const { projection, seen } = recording('interleaved');
    const runner = new ProjectionRunner(pool, store, projection, { batchSize: 100 });
    expect(await runner.runUntilIdle()).toBe(0);

    // Transaction A appends first, so it holds the lower global positions, and stays open.
    const a = await pool.connect();
    await a.query('BEGIN');
    const appendedA = await store.append(
      a,
      'counter-A',
      'counter',
      [opened('A'), incremented(1)],
      'no_stream',
      context,
    );
    // Transaction B appends after it and commits first.
    const appendedB = await inTransaction(pool, (tx) =>
      store.append(tx, 'counter-B', 'counter', [opened('B'), incremented(2)], 'no_stream', context),
    );
    const positionsA = appendedA.events.map((event) => event.globalPosition);
    const positionsB = appendedB.events.map((event) => event.globalPosition);
    expect(Math.max(...positionsA)).toBeLessThan(Math.min(...positionsB));

    // The naive reader (`global_position > checkpoint`) sees B now and would move its
    // checkpoint past A, so A's events could never be read once A commits.
    const naive = await pool.query<{ position: string }>(
      'SELECT global_position AS position FROM events WHERE global_position > 0 ORDER BY global_position',
    );
    const naiveCheckpoint = Math.max(...naive.rows.map((row) => Number(row.position)));
    expect(naiveCheckpoint).toBe(Math.max(...positionsB));
    expect(naiveCheckpoint).toBeGreaterThan(Math.max(...positionsA));

    // The runner does not read past A while A is in flight: nothing applied, checkpoint still.
    expect(await runner.runBatch()).toEqual({ status: 'idle' });
    expect(await totals('interleaved')).toEqual([]);
    const during = await inTransaction(pool, (tx) => readProjectionState(tx, 'interleaved'));
    expect(during?.checkpoint).toEqual({ transactionId: '0', position: 0 });

    await a.query('COMMIT');
    a.release();

    // The naive reader would now miss A entirely ...
    const missed = await pool.query(
      'SELECT count(*)::int AS n FROM events WHERE global_position > $1 AND stream_id = $2',
      [naiveCheckpoint, 'counter-A'],
    );
    expect(missed.rows).toEqual([{ n: 0 }]);
    // ... the runner applies both, A first (its transaction is older), nothing skipped.
    expect(await runner.runUntilIdle()).toBe(4);
    expect(await totals('interleaved')).toEqual([
      { stream_id: 'counter-A', total: 1 },
      { stream_id: 'counter-B', total: 2 },
    ]);
    expect(seen.map((event) => event.globalPosition)).toEqual([...positionsA, ...positionsB]);
    const after = await inTransaction(pool, (tx) => readProjectionState(tx, 'interleaved'));
    expect(after?.checkpoint).toEqual({
      transactionId: appendedB.events[1]!.transactionId,
      position: Math.max(...positionsB),
    });
  });

  it('applies every event exactly once with two instances polling the same projection', async () => {
    await seedCounters(pool, store, { counters: 30, incrementsPerCounter: 49, prefix: 'two' });
    const { projection, seen } = recording('two_instances');
    const otherPool = tolerateForcedDrop(new Pool({ connectionString: database.url, max: 2 }));
    const instances = [
      new ProjectionRunner(pool, store, projection, { batchSize: 37, pollIntervalMs: 5 }),
      new ProjectionRunner(otherPool, store, projection, { batchSize: 37, pollIntervalMs: 5 }),
    ];
    instances.forEach((runner) => runner.start());
    const total = Number(
      (await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]?.n,
    );
    const deadline = Date.now() + 20_000;
    while (seen.length < total && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await Promise.all(instances.map((runner) => runner.stop()));
    await otherPool.end();

    const positions = seen.map((event) => event.globalPosition);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions).toHaveLength(total);
    const expected = await pool.query(
      `SELECT stream_id, sum(CASE WHEN type = 'CounterIncremented' THEN (data->>'by')::int ELSE 0 END)::int AS total
       FROM events GROUP BY stream_id ORDER BY stream_id`,
    );
    expect(await totals('two_instances')).toEqual(expected.rows);
  });

  it('stops writing and asks for a rebuild when the table was built by another definition version', async () => {
    const { projection } = recording('versioned');
    await new ProjectionRunner(pool, store, projection).runUntilIdle();
    const newer = new ProjectionRunner(pool, store, { ...projection, version: 2 });
    expect(await newer.runBatch()).toEqual({ status: 'rebuild_required', tableDefinition: 1 });
  });

  it('reports busy instead of waiting when another instance holds the projection', async () => {
    const { projection } = recording('busy');
    const runner = new ProjectionRunner(pool, store, projection);
    await runner.runUntilIdle();
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('eventstore.projection:' || $1, 0))`,
        ['busy'],
      );
      expect(await runner.runBatch()).toEqual({ status: 'busy' });
      await holder.query('ROLLBACK');
    } finally {
      holder.release();
    }
  });
});
