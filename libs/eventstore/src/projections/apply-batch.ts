import type { SqlClient } from '@blog/sql';
import type { Checkpoint } from '../store/checkpoint';
import type { EventStore } from '../store/event-store';
import type { Projection } from './projection';

export interface AppliedBatch {
  /** Events read from the log (including those the projection filters out). */
  readonly read: number;
  readonly checkpoint: Checkpoint;
}

/** Reads the next events after `after` and hands those the projection wants to `table`. */
export async function applyBatch(
  tx: SqlClient,
  store: EventStore,
  projection: Projection,
  table: string,
  after: Checkpoint,
  limit: number,
): Promise<AppliedBatch> {
  const { events, checkpoint } = await store.readAll(tx, after, limit);
  const types = projection.eventTypes;
  const wanted = types ? events.filter((event) => types.includes(event.type)) : events;
  if (wanted.length > 0) await projection.handle(tx, wanted, table);
  return { read: events.length, checkpoint };
}
