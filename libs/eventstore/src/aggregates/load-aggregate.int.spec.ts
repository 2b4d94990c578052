import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import type { CounterCommand } from '../example/domain/counter.commands';
import { decideCounter } from '../example/domain/counter.decide';
import { COUNTER_STREAM_TYPE, type CounterEvent } from '../example/domain/counter.events';
import { evolveCounter } from '../example/domain/counter.evolve';
import { type CounterState, initialCounterState } from '../example/domain/counter.state';
import { counterUpcasters } from '../example/domain/counter.upcasters';
import { eventStoreMigrations } from '../migrations/event-store-migrations';
import { EventStore } from '../store/event-store';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { handleCommand } from './handle-command';
import { loadAggregate } from './load-aggregate';
import type { SnapshotPolicy } from './snapshot-policy';

const snapshot: SnapshotPolicy<CounterState> = { every: 25, schemaVersion: 1 };
const counter = {
  streamType: COUNTER_STREAM_TYPE,
  evolve: evolveCounter,
  initialState: initialCounterState,
};

describe('loading aggregates with and without snapshots', () => {
  let database: TestDatabase;
  let pool: Pool;
  const store = new EventStore({ upcasters: new UpcasterRegistry(counterUpcasters) });
  const context = { correlationId: 'snapshots' };
  const run = (streamId: string, command: CounterCommand) =>
    inTransaction(pool, (tx) =>
      handleCommand<CounterState, CounterEvent>(
        tx,
        store,
        streamId,
        { ...counter, snapshot },
        context,
        (state) => decideCounter(command, state),
      ),
    );
  const load = (streamId: string, policy?: SnapshotPolicy<CounterState>) =>
    inTransaction(pool, (tx) =>
      loadAggregate<CounterState, CounterEvent>(tx, store, streamId, {
        ...counter,
        snapshot: policy,
      }),
    );

  beforeAll(async () => {
    database = await createTestDatabase('snapshots');
    await database.migrate(eventStoreMigrations);
    pool = database.pool();
  });
  afterAll(() => database.drop());

  it('gives the same state with a snapshot, without one, and after the snapshots are deleted', async () => {
    const streamId = 'counter-snap';
    await run(streamId, { type: 'OpenCounter', name: 'snap', limit: 100_000 });
    for (let n = 1; n <= 110; n += 1) {
      await run(streamId, { type: 'Increment', by: n, source: 'spec' });
    }
    // 111 events, snapshot every 25: the last one was taken at version 100.
    const stored = await pool.query(
      'SELECT version, schema_version FROM snapshots WHERE stream_id = $1',
      [streamId],
    );
    expect(stored.rows).toEqual([{ version: 100, schema_version: 1 }]);

    const withSnapshot = await load(streamId, snapshot);
    const replayed = await load(streamId);
    expect(withSnapshot.state).toEqual(replayed.state);
    expect(withSnapshot.version).toBe(111);
    expect(replayed.version).toBe(111);
    expect(replayed.state).toEqual({ status: 'open', name: 'snap', limit: 100_000, total: 6_105 });
    expect(withSnapshot).toMatchObject({ eventsRead: 11, snapshotVersion: 100 });
    expect(replayed).toMatchObject({ eventsRead: 111, snapshotVersion: null });

    await pool.query('DELETE FROM snapshots');
    const afterDelete = await load(streamId, snapshot);
    expect(afterDelete.state).toEqual(replayed.state);
    expect(afterDelete).toMatchObject({ version: 111, eventsRead: 111, snapshotVersion: null });

    // The next command that crosses a multiple of 25 takes a new snapshot on its own.
    for (let n = 0; n < 14; n += 1) await run(streamId, { type: 'Decrement', by: 1 });
    expect((await load(streamId, snapshot)).snapshotVersion).toBe(125);
  });

  it('ignores a snapshot taken with another state shape and replaces it', async () => {
    const streamId = 'counter-shape';
    await run(streamId, { type: 'OpenCounter', name: 'shape', limit: 1_000 });
    for (let n = 0; n < 30; n += 1)
      await run(streamId, { type: 'Increment', by: 1, source: 'spec' });
    const newShape = { ...snapshot, schemaVersion: 2 };

    const ignored = await load(streamId, newShape);
    expect(ignored).toMatchObject({ snapshotVersion: null, eventsRead: 31 });
    expect(ignored.state).toEqual((await load(streamId, snapshot)).state);

    await inTransaction(pool, (tx) =>
      handleCommand<CounterState, CounterEvent>(
        tx,
        store,
        streamId,
        { ...counter, snapshot: { ...newShape, every: 1 } },
        context,
        (state) => decideCounter({ type: 'Increment', by: 1, source: 'spec' }, state),
      ),
    );
    expect(await load(streamId, newShape)).toMatchObject({ snapshotVersion: 32, eventsRead: 0 });
  });

  it('loads an unknown stream as the initial state at version 0', async () => {
    expect(await load('counter-none', snapshot)).toEqual({
      state: { status: 'empty' },
      version: 0,
      eventsRead: 0,
      snapshotVersion: null,
    });
  });
});
