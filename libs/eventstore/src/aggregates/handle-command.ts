import type { SqlClient } from '@blog/sql';
import type { Event, EventContext, RecordedEvent } from '../events/event';
import type { EventStore } from '../store/event-store';
import { aggregateStream } from './aggregate-stream';
import { loadAggregate, type LoadOptions } from './load-aggregate';
import { saveSnapshotIfDue } from './save-snapshot-if-due';

export interface CommandOptions<State, E extends Event> extends LoadOptions<State, E> {
  readonly streamType: string;
}

export interface CommandResult<State, E extends Event> {
  readonly state: State;
  readonly events: readonly RecordedEvent<E>[];
  readonly nextExpectedVersion: number;
}

/**
 * The write path's loop in the caller's transaction: load → decide → append at the
 * loaded version → evolve → snapshot when due. A concurrent writer makes the append throw
 * ConcurrencyError and the caller's transaction roll back.
 */
export async function handleCommand<State, E extends Event>(
  tx: SqlClient,
  store: EventStore,
  streamId: string,
  options: CommandOptions<State, E>,
  context: EventContext,
  decide: (state: State) => readonly E[],
): Promise<CommandResult<State, E>> {
  const loaded = await loadAggregate(tx, store, streamId, options);
  const decided = decide(loaded.state);
  const appended = await store.append(
    tx,
    streamId,
    options.streamType,
    decided,
    loaded.version,
    context,
  );
  const state = aggregateStream(appended.events, options.evolve, () => loaded.state);
  if (options.snapshot && appended.events.length > 0) {
    await saveSnapshotIfDue(
      tx,
      streamId,
      { state, version: appended.nextExpectedVersion, previousVersion: loaded.version },
      options.snapshot,
    );
  }
  return { state, events: appended.events, nextExpectedVersion: appended.nextExpectedVersion };
}
