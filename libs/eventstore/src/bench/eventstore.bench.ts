import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { inTransaction } from '@blog/sql';
import { Client, Pool } from 'pg';
import { loadAggregate } from '../aggregates/load-aggregate';
import type { SnapshotPolicy } from '../aggregates/snapshot-policy';
import { writeSnapshot } from '../aggregates/snapshot-store';
import type { CounterEvent } from '../example/domain/counter.events';
import { evolveCounter } from '../example/domain/counter.evolve';
import { type CounterState, initialCounterState } from '../example/domain/counter.state';
import { counterTotalsProjection } from '../example/counter-totals.projection';
import { exampleUpcasters } from '../example/example-projections';
import { seedCounters } from '../example/seed-counters';
import { rebuildProjection } from '../projections/rebuild-projection';
import { EventStore } from '../store/event-store';
import { applyEventStoreMigrations } from './apply-event-store-migrations';
import { format, percentile, perSecond, renderTable, type Row, timed } from './bench-report';

// Run: npm run build && node dist/libs/eventstore/src/bench/eventstore.bench.js --database <admin url>
// Creates a throwaway database next to the given one, measures, prints a table, drops it.
const { values } = parseArgs({
  options: {
    database: {
      type: 'string',
      default: process.env['STACK_POSTGRES_URL'] ?? 'postgres://blog@127.0.0.1:54329/postgres',
    },
    single: { type: 'string', default: '2000' },
    batches: { type: 'string', default: '200' },
    'rebuild-events': { type: 'string', default: '50000' },
  },
});
const SINGLE = Number(values.single);
const BATCHES = Number(values.batches);
const BATCH_SIZE = 100;
const REBUILD_EVENTS = Number(values['rebuild-events']);
const LOADS = 50;
const context = { correlationId: randomUUID(), actor: 'bench' };
const increment: CounterEvent = { type: 'CounterIncremented', data: { by: 1, source: 'bench' } };
const opened: CounterEvent = { type: 'CounterOpened', data: { name: 'bench', limit: 1e9 } };
const say = (text: string) => process.stderr.write(`${text}\n`);

async function baseline(pool: Pool): Promise<number> {
  await pool.query(
    'CREATE TABLE bench_plain (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb NOT NULL)',
  );
  const payload = JSON.stringify(increment.data);
  const { ms } = await timed(async () => {
    for (let n = 0; n < SINGLE; n += 1) {
      await inTransaction(pool, (tx) =>
        tx.query('INSERT INTO bench_plain (data) VALUES ($1)', [payload]),
      );
    }
  });
  return perSecond(SINGLE, ms);
}

async function singleAppends(pool: Pool, store: EventStore): Promise<number> {
  const versions = new Map<string, number>();
  const { ms } = await timed(async () => {
    for (let n = 0; n < SINGLE; n += 1) {
      const streamId = `single-${n % 100}`;
      const expected = versions.get(streamId) ?? 'no_stream';
      const result = await inTransaction(pool, (tx) =>
        store.append(
          tx,
          streamId,
          'counter',
          [expected === 'no_stream' ? opened : increment],
          expected,
          context,
        ),
      );
      versions.set(streamId, result.nextExpectedVersion);
    }
  });
  return perSecond(SINGLE, ms);
}

async function batchedAppends(pool: Pool, store: EventStore): Promise<number> {
  const batch = [opened, ...Array.from({ length: BATCH_SIZE - 1 }, () => increment)];
  const { ms } = await timed(async () => {
    for (let n = 0; n < BATCHES; n += 1) {
      await inTransaction(pool, (tx) =>
        store.append(tx, `batch-${n}`, 'counter', batch, 'no_stream', context),
      );
    }
  });
  return perSecond(BATCHES * BATCH_SIZE, ms);
}

async function streamLoads(pool: Pool, store: EventStore) {
  const streamId = 'load-1000';
  const events = [opened, ...Array.from({ length: 999 }, () => increment)];
  await inTransaction(pool, (tx) =>
    store.append(tx, streamId, 'counter', events, 'no_stream', context),
  );
  const policy: SnapshotPolicy<CounterState> = { every: 100, schemaVersion: 1 };
  const options = { evolve: evolveCounter, initialState: initialCounterState };
  // Snapshot every 100 leaves 0–99 events after the snapshot; take the average, 50.
  await inTransaction(pool, async (tx) => {
    const head = await store.readStream<CounterEvent>(tx, streamId, 1);
    const state = head.slice(0, 950).reduce(evolveCounter, initialCounterState());
    await writeSnapshot(tx, streamId, { version: 950, state }, policy.schemaVersion);
  });
  const measure = async (snapshot?: SnapshotPolicy<CounterState>) => {
    const samples: number[] = [];
    let read = 0;
    for (let n = 0; n < LOADS; n += 1) {
      const { ms, result } = await timed(() =>
        inTransaction(pool, (tx) =>
          loadAggregate<CounterState, CounterEvent>(tx, store, streamId, { ...options, snapshot }),
        ),
      );
      samples.push(ms);
      read = result.eventsRead;
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95), read };
  };
  await measure(); // warm the cache and the plan
  return { without: await measure(), with: await measure(policy) };
}

async function rebuild(pool: Pool, store: EventStore) {
  const existing = Number(
    (await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]?.n,
  );
  const missing = Math.max(0, REBUILD_EVENTS - existing);
  if (missing > 0) {
    say(`seeding ${format(missing)} events for the rebuild`);
    await seedCounters(pool, store, {
      counters: Math.ceil(missing / 100),
      incrementsPerCounter: 99,
      prefix: 'rb',
    });
  }
  const result = await rebuildProjection(pool, store, counterTotalsProjection, {
    batchSize: 1_000,
  });
  return { events: result.events, rate: perSecond(result.events, result.elapsedMs) };
}

async function main(): Promise<void> {
  const name = `bench_eventstore_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: values.database });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = values.database.replace(/\/[^/]*$/, `/${name}`);
  const pool = new Pool({ connectionString: url, max: 4 });
  // The throwaway database is dropped WITH (FORCE): its idle clients' 57P01 is expected.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  try {
    await applyEventStoreMigrations(url);
    const store = new EventStore({ upcasters: exampleUpcasters });
    const settings = await pool.query<{ version: string; sync: string; fsync: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync,
              current_setting('fsync') AS fsync`,
    );
    say('baseline inserts ...');
    const plain = await baseline(pool);
    say('single-event appends ...');
    const single = await singleAppends(pool, store);
    say('batched appends ...');
    const batched = await batchedAppends(pool, store);
    say('stream loads ...');
    const loads = await streamLoads(pool, store);
    say('projection rebuild ...');
    const rebuilt = await rebuild(pool, store);
    const server = settings.rows[0];
    const rows: Row[] = [
      {
        measure: 'raw single-row INSERT, 1 per tx (baseline)',
        value: `${format(plain)} tx/s`,
        note: `${format(SINGLE)} tx`,
      },
      {
        measure: 'append 1 event per tx',
        value: `${format(single)} tx/s`,
        note: `${format((single / plain) * 100)}% of baseline; 100 streams, expected version`,
      },
      {
        measure: `append ${BATCH_SIZE} events per tx`,
        value: `${format(batched)} ev/s`,
        note: `${format(batched / BATCH_SIZE, 1)} tx/s; ${format(batched / plain, 1)}x baseline rows/s`,
      },
      {
        measure: 'load 1,000-event stream, no snapshot',
        value: `${format(loads.without.p50, 2)} ms`,
        note: `p50 (p95 ${format(loads.without.p95, 2)} ms), ${loads.without.read} events read`,
      },
      {
        measure: 'load 1,000-event stream, snapshot',
        value: `${format(loads.with.p50, 2)} ms`,
        note: `p50 (p95 ${format(loads.with.p95, 2)} ms), ${loads.with.read} events read`,
      },
      {
        measure: 'projection rebuild (counter_totals)',
        value: `${format(rebuilt.rate)} ev/s`,
        note: `${format(rebuilt.events)} events, batches of 1,000`,
      },
    ];
    process.stdout.write(
      `Postgres ${server?.version} (synchronous_commit=${server?.sync}, fsync=${server?.fsync}), one connection at a time\n${renderTable(rows)}\n`,
    );
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
