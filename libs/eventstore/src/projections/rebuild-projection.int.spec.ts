import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { runRebuildCli } from '../cli/run-rebuild-cli';
import { RebuildInProgressError } from '../errors/rebuild-in-progress.error';
import { counterTotalsProjection } from '../example/counter-totals.projection';
import { exampleProjections, exampleUpcasters } from '../example/example-projections';
import { seedCounters } from '../example/seed-counters';
import { eventStoreMigrations } from '../migrations/event-store-migrations';
import { EventStore } from '../store/event-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { readProjectionState } from './projection-state';
import { rebuildProjection } from './rebuild-projection';

// bigint columns arrive as strings.
type TotalsRow = { stream_id: string; total: string } & Record<string, unknown>;
type Write = { readonly by: 'live' | 'rebuild'; readonly table: string };

/** The example projection under another name, logging which table each writer touched. */
function logged(name: string, by: Write['by'], log: Write[]): Projection {
  return {
    ...counterTotalsProjection,
    name,
    async handle(tx, events, table) {
      log.push({ by, table });
      await counterTotalsProjection.handle(tx, events, table);
    },
  };
}

describe('blue/green projection rebuild', () => {
  let database: TestDatabase;
  let pool: Pool;
  const store = new EventStore({ upcasters: exampleUpcasters });
  const rows = async (relation: string) =>
    (await pool.query<TotalsRow>(`SELECT * FROM ${relation} ORDER BY stream_id`)).rows;
  const exists = async (relation: string) =>
    (
      await pool.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
        relation,
      ])
    ).rows[0]?.found;

  beforeAll(async () => {
    database = await createTestDatabase('rebuild');
    await database.migrate(eventStoreMigrations);
    pool = database.pool();
    await seedCounters(pool, store, { counters: 60, incrementsPerCounter: 99, prefix: 'seed' });
  });
  afterAll(() => database.drop());

  it('rebuilds a table equal to the live projection while the live runner keeps running', async () => {
    const log: Write[] = [];
    const live = new ProjectionRunner(pool, store, logged('totals', 'live', log), {
      batchSize: 50,
      pollIntervalMs: 2,
    });
    await live.runUntilIdle();
    live.start();
    let writing = true;
    let round = 0;
    const writer = (async () => {
      while (writing) {
        round += 1;
        await seedCounters(pool, store, {
          counters: 1,
          incrementsPerCounter: 9,
          prefix: `w${round}`,
        });
      }
    })();

    const result = await rebuildProjection(pool, store, logged('totals', 'rebuild', log), {
      batchSize: 100,
    });
    // The switch committed before the rebuild resolved: every write logged from here on
    // is live, and must land in the new table. A live batch still writing the old table
    // holds the projection lock, so the switch waits for it and it is logged before this.
    const switchedAt = log.length;
    writing = false;
    await writer;
    // At least one live batch after the switch, however quiet the writer was near the end.
    await seedCounters(pool, store, { counters: 1, incrementsPerCounter: 9, prefix: 'after' });
    await live.stop();
    await live.runUntilIdle();

    expect(result).toMatchObject({
      projection: 'totals',
      fromGeneration: 1,
      generation: 2,
      table: 'totals_v2',
    });
    expect(result.events).toBeGreaterThanOrEqual(6_000);
    // The live runner kept applying new events to the old table during the replay ...
    const firstRebuild = log.findIndex((write) => write.by === 'rebuild');
    const lastRebuild = log.findLastIndex((write) => write.by === 'rebuild');
    const liveDuring = log.slice(firstRebuild, lastRebuild).filter((write) => write.by === 'live');
    expect(liveDuring.length).toBeGreaterThan(0);
    expect(new Set(liveDuring.map((write) => write.table))).toEqual(new Set(['totals_v1']));
    // ... the two never wrote the same table, and live moved to the new one only after the switch.
    expect(new Set(log.filter((w) => w.by === 'rebuild').map((w) => w.table))).toEqual(
      new Set(['totals_v2']),
    );
    expect(log.slice(0, lastRebuild).some((w) => w.by === 'live' && w.table === 'totals_v2')).toBe(
      false,
    );
    // Not "after the last rebuild write": the switch's final drain may find nothing new,
    // and live batches may then still write the old table until the switch takes the lock.
    const afterSwitch = log.slice(switchedAt);
    expect(afterSwitch.length).toBeGreaterThan(0);
    expect(afterSwitch.every((w) => w.by === 'live' && w.table === 'totals_v2')).toBe(true);

    // Readers' view points at the new table; the old one is gone, so is the rebuild's checkpoint.
    expect(await exists('totals_v1')).toBe(false);
    const state = await inTransaction(pool, (tx) => readProjectionState(tx, 'totals'));
    expect(state).toMatchObject({ activeVersion: 2, definitionVersion: 1 });
    expect(await inTransaction(pool, (tx) => readProjectionState(tx, 'totals@v2'))).toBeNull();

    // Equal to a projection that was only ever fed live, and to the log itself.
    const reference = new ProjectionRunner(pool, store, logged('reference', 'live', []));
    await reference.runUntilIdle();
    expect(await rows('totals')).toEqual(await rows('reference'));
    expect(await rows('totals')).toEqual(await rows('totals_v2'));
    const fromLog = await pool.query(
      `SELECT stream_id,
              sum(CASE WHEN type = 'CounterIncremented' THEN (data->>'by')::int ELSE 0 END)::int AS total
       FROM events GROUP BY stream_id ORDER BY stream_id`,
    );
    expect(
      (await rows('totals')).map(({ stream_id, total }) => ({ stream_id, total: Number(total) })),
    ).toEqual(fromLog.rows);
  });

  it('refuses a second rebuild of the same projection while one runs', async () => {
    const projection = logged('single', 'rebuild', []);
    await new ProjectionRunner(pool, store, projection).runUntilIdle();
    // Settled into a value at once, so the refusal is never an unhandled rejection.
    let second: Promise<unknown> | undefined;
    const first = rebuildProjection(pool, store, projection, {
      batchSize: 200,
      onProgress: () => {
        second ??= rebuildProjection(pool, store, projection).then(
          () => 'ran',
          (error: unknown) => error,
        );
      },
    });
    await expect(first).resolves.toMatchObject({ generation: 2 });
    const refusal = await second;
    expect(refusal).toBeInstanceOf(RebuildInProgressError);
    expect(refusal).toMatchObject({ code: 'EVENTSTORE.REBUILD_IN_PROGRESS', projection: 'single' });
    // The lock goes with the rebuild: the next one may run.
    await expect(rebuildProjection(pool, store, projection)).resolves.toMatchObject({
      generation: 3,
    });
  });

  it('rebuilds from the command line with a progress bar and a final rate', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io = {
      stdout: { write: (t: string) => stdout.push(t) },
      stderr: { write: (t: string) => stderr.push(t) },
    };
    const argv = [
      '--database',
      database.url,
      '--projection',
      'counter_totals',
      '--batch-size',
      '500',
    ];

    expect(
      await runRebuildCli(exampleProjections, { ...io, upcasters: exampleUpcasters, argv }),
    ).toBe(0);
    expect(stdout.join('')).toMatch(
      /^rebuilt counter_totals into counter_totals_v2: \d+ events in \d+\.\d\d s \(\d+ events\/s\)\n$/,
    );
    expect(stderr.join('')).toMatch(/\r\[#+\] 100% [\d,]+\/[\d,]+ events .* events\/s\n$/);
    expect((await rows('counter_totals')).length).toBeGreaterThanOrEqual(60);

    stderr.length = 0;
    expect(
      await runRebuildCli(exampleProjections, {
        ...io,
        argv: ['--database', database.url, '--projection', 'nope'],
      }),
    ).toBe(2);
    expect(stderr.join('')).toMatch(/unknown projection "nope" \(known: counter_totals\)/);
  });
});
