import type { SqlClient } from '@blog/sql';
import type { RecordedEvent } from '../events/event';
import type { Projection } from '../projections/projection';
import { isCounterEvent } from './counter-events.guard';

interface Totals {
  delta: number;
  increments: number;
  decrements: number;
  lastVersion: number;
  lastPosition: number;
}

function totalsByStream(events: readonly RecordedEvent[]): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  for (const event of events.filter(isCounterEvent)) {
    const row = totals.get(event.streamId) ?? {
      delta: 0,
      increments: 0,
      decrements: 0,
      lastVersion: 0,
      lastPosition: 0,
    };
    if (event.type === 'CounterIncremented') {
      row.delta += event.data.by;
      row.increments += 1;
    } else if (event.type === 'CounterDecremented') {
      row.delta -= event.data.by;
      row.decrements += 1;
    }
    row.lastVersion = Math.max(row.lastVersion, event.version);
    row.lastPosition = Math.max(row.lastPosition, event.globalPosition);
    totals.set(event.streamId, row);
  }
  return totals;
}

/**
 * The example's async read model (and the CLI's example): totals per counter. A batch is
 * folded per stream first, so the write is one statement however big the batch.
 */
export const counterTotalsProjection: Projection = {
  name: 'counter_totals',
  version: 1,
  eventTypes: ['CounterOpened', 'CounterIncremented', 'CounterDecremented'],
  async createTable(tx: SqlClient, table: string) {
    await tx.query(`
      CREATE TABLE ${table} (
        stream_id     text    PRIMARY KEY,
        total         bigint  NOT NULL,
        increments    integer NOT NULL,
        decrements    integer NOT NULL,
        last_version  integer NOT NULL,
        last_position bigint  NOT NULL
      )`);
  },
  async handle(tx: SqlClient, events: readonly RecordedEvent[], table: string) {
    const totals = [...totalsByStream(events)];
    if (totals.length === 0) return;
    const column = <K extends keyof Totals>(key: K) => totals.map(([, row]) => row[key]);
    await tx.query(
      `INSERT INTO ${table} AS t
         (stream_id, total, increments, decrements, last_version, last_position)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::bigint[])
       ON CONFLICT (stream_id) DO UPDATE SET
         total = t.total + EXCLUDED.total,
         increments = t.increments + EXCLUDED.increments,
         decrements = t.decrements + EXCLUDED.decrements,
         last_version = greatest(t.last_version, EXCLUDED.last_version),
         last_position = greatest(t.last_position, EXCLUDED.last_position)`,
      [
        totals.map(([streamId]) => streamId),
        column('delta'),
        column('increments'),
        column('decrements'),
        column('lastVersion'),
        column('lastPosition'),
      ],
    );
  },
};
