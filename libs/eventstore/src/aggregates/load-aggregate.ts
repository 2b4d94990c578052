import type { SqlClient } from '@blog/sql';
import type { Event, RecordedEvent } from '../events/event';
import type { EventStore } from '../store/event-store';
import { aggregateStream, type Evolve } from './aggregate-stream';
import type { SnapshotPolicy } from './snapshot-policy';
import { readSnapshot } from './snapshot-store';

export interface LoadOptions<State, E extends Event> {
  readonly evolve: Evolve<State, RecordedEvent<E>>;
  readonly initialState: () => State;
  readonly snapshot?: SnapshotPolicy<State>;
}

export interface LoadedAggregate<State> {
  readonly state: State;
  /** The stream's version: the `expected` of the next append (0 when the stream is new). */
  readonly version: number;
  /** Events read from the log after the snapshot (all of them without one). */
  readonly eventsRead: number;
  readonly snapshotVersion: number | null;
}

/** Folds a stream into its state, starting from a usable snapshot when the policy has one. */
export async function loadAggregate<State, E extends Event>(
  tx: SqlClient,
  store: EventStore,
  streamId: string,
  options: LoadOptions<State, E>,
): Promise<LoadedAggregate<State>> {
  const snapshot = options.snapshot ? await readSnapshot(tx, streamId, options.snapshot) : null;
  const events = await store.readStream<E>(tx, streamId, (snapshot?.version ?? 0) + 1);
  const initial = snapshot ? () => snapshot.state : options.initialState;
  return {
    state: aggregateStream(events, options.evolve, initial),
    version: events.at(-1)?.version ?? snapshot?.version ?? 0,
    eventsRead: events.length,
    snapshotVersion: snapshot?.version ?? null,
  };
}
