import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { handleCommand } from '../aggregates/handle-command';
import { loadAggregate } from '../aggregates/load-aggregate';
import { ConcurrencyError } from '../errors/concurrency.error';
import type { EventContext } from '../events/event';
import { eventStoreMigrations } from '../migrations/event-store-migrations';
import { EventStore } from '../store/event-store';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import {
  createCounterSummaries,
  projectCounterSummaries,
} from './counter-summary.inline-projection';
import type { CounterCommand } from './domain/counter.commands';
import { decideCounter } from './domain/counter.decide';
import { CounterError } from './domain/counter.error';
import { COUNTER_STREAM_TYPE, type CounterEvent, counterStreamId } from './domain/counter.events';
import { evolveCounter } from './domain/counter.evolve';
import { type CounterState, initialCounterState } from './domain/counter.state';
import { counterUpcasters } from './domain/counter.upcasters';

// The whole write path on the example aggregate: decide → append in one transaction with
// the inline read model → load.
describe('counter: decide, append, inline projection, load', () => {
  let database: TestDatabase;
  let pool: Pool;
  const store = new EventStore({
    upcasters: new UpcasterRegistry(counterUpcasters),
    inlineProjections: [projectCounterSummaries],
  });
  const options = {
    streamType: COUNTER_STREAM_TYPE,
    evolve: evolveCounter,
    initialState: initialCounterState,
  };
  const context: EventContext = { correlationId: 'loop', actor: 'account-1' };
  const execute = (counterId: string, command: CounterCommand) =>
    inTransaction(pool, (tx) =>
      handleCommand<CounterState, CounterEvent>(
        tx,
        store,
        counterStreamId(counterId),
        options,
        context,
        (state) => decideCounter(command, state),
      ),
    );
  const summary = async (counterId: string) =>
    (
      await pool.query(
        'SELECT name, total, status, version FROM counter_summaries WHERE stream_id = $1',
        [counterStreamId(counterId)],
      )
    ).rows[0];

  beforeAll(async () => {
    database = await createTestDatabase('counter');
    await database.migrate(eventStoreMigrations);
    pool = database.pool();
    await inTransaction(pool, createCounterSummaries);
  });
  afterAll(() => database.drop());

  it('runs commands through the store and keeps the inline read model in step', async () => {
    await execute('a', { type: 'OpenCounter', name: 'likes', limit: 10 });
    await execute('a', { type: 'Increment', by: 7, source: 'web' });
    const result = await execute('a', { type: 'Decrement', by: 2 });

    expect(result.state).toEqual({ status: 'open', name: 'likes', limit: 10, total: 5 });
    expect(result.nextExpectedVersion).toBe(3);
    expect(await summary('a')).toEqual({ name: 'likes', total: 5, status: 'open', version: 3 });

    const loaded = await inTransaction(pool, (tx) =>
      loadAggregate<CounterState, CounterEvent>(tx, store, counterStreamId('a'), options),
    );
    expect(loaded).toMatchObject({ state: result.state, version: 3 });
  });

  it('writes nothing when decide refuses the command', async () => {
    await execute('b', { type: 'OpenCounter', name: 'capped', limit: 3 });
    await expect(execute('b', { type: 'Increment', by: 4, source: 'web' })).rejects.toBeInstanceOf(
      CounterError,
    );
    expect(await summary('b')).toEqual({ name: 'capped', total: 0, status: 'open', version: 1 });
    const events = await inTransaction(pool, (tx) => store.readStream(tx, counterStreamId('b')));
    expect(events.map((event) => event.type)).toEqual(['CounterOpened']);
  });

  it('refuses a command decided on a state another writer has moved past', async () => {
    await execute('c', { type: 'OpenCounter', name: 'race', limit: 1 });
    const first = await pool.connect();
    try {
      await first.query('BEGIN');
      // This transaction decides on version 1 ...
      const stale = await loadAggregate<CounterState, CounterEvent>(
        first,
        store,
        counterStreamId('c'),
        options,
      );
      // ... while another one takes the last unit and commits.
      await execute('c', { type: 'Increment', by: 1, source: 'other' });
      const events = decideCounter({ type: 'Increment', by: 1, source: 'stale' }, stale.state);
      await expect(
        store.append(
          first,
          counterStreamId('c'),
          COUNTER_STREAM_TYPE,
          events,
          stale.version,
          context,
        ),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      await first.query('ROLLBACK');
    } finally {
      first.release();
    }
    expect(await summary('c')).toMatchObject({ total: 1, version: 2 });
  });
});
