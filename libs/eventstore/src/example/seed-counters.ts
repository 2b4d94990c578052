import { randomUUID } from 'node:crypto';
import { inTransaction } from '@blog/sql';
import type { Pool } from 'pg';
import type { EventStore } from '../store/event-store';
import type { CounterEvent } from './domain/counter.events';
import { COUNTER_STREAM_TYPE, counterStreamId } from './domain/counter.events';

export interface SeedOptions {
  readonly counters: number;
  /** Events per counter after its CounterOpened. */
  readonly incrementsPerCounter: number;
  readonly prefix: string;
}

/** Counter streams in bulk (one transaction per counter), for specs and the benchmark. */
export async function seedCounters(
  pool: Pool,
  store: EventStore,
  { counters, incrementsPerCounter, prefix }: SeedOptions,
): Promise<number> {
  const context = { correlationId: randomUUID(), actor: 'seed' };
  for (let counter = 0; counter < counters; counter += 1) {
    const events: CounterEvent[] = [
      { type: 'CounterOpened', data: { name: `${prefix}-${counter}`, limit: 1_000_000 } },
      ...Array.from({ length: incrementsPerCounter }, (_, index): CounterEvent => ({
        type: 'CounterIncremented',
        data: { by: (index % 5) + 1, source: 'seed' },
      })),
    ];
    await inTransaction(pool, (tx) =>
      store.append(
        tx,
        counterStreamId(`${prefix}-${counter}`),
        COUNTER_STREAM_TYPE,
        events,
        'no_stream',
        context,
      ),
    );
  }
  return counters * (incrementsPerCounter + 1);
}
