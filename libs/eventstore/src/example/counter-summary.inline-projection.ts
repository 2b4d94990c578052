import type { SqlClient } from '@blog/sql';
import type { RecordedEvent } from '../events/event';
import { isCounterEvent } from './counter-events.guard';

export async function createCounterSummaries(tx: SqlClient): Promise<void> {
  await tx.query(`
    CREATE TABLE IF NOT EXISTS counter_summaries (
      stream_id text    PRIMARY KEY,
      name      text    NOT NULL,
      total     integer NOT NULL,
      status    text    NOT NULL,
      version   integer NOT NULL
    )`);
}

/** The example's inline read model: written in the appending transaction, so never stale. */
export async function projectCounterSummaries(
  tx: SqlClient,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events.filter(isCounterEvent)) {
    const key = [event.streamId, event.version];
    switch (event.type) {
      case 'CounterOpened':
        await tx.query(
          `INSERT INTO counter_summaries (stream_id, version, name, total, status)
           VALUES ($1, $2, $3, 0, 'open')`,
          [...key, event.data.name],
        );
        break;
      case 'CounterIncremented':
      case 'CounterDecremented': {
        const delta = event.type === 'CounterIncremented' ? event.data.by : -event.data.by;
        await tx.query(
          'UPDATE counter_summaries SET version = $2, total = total + $3 WHERE stream_id = $1',
          [...key, delta],
        );
        break;
      }
      case 'CounterClosed':
        await tx.query(
          `UPDATE counter_summaries SET version = $2, status = 'closed' WHERE stream_id = $1`,
          key,
        );
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
