import type { SqlClient } from '@blog/sql';
import type { Event, EventContext, RecordedEvent } from '../events/event';
import type { EventStore } from '../store/event-store';
import { aggregateStream } from './aggregate-stream';
import { loadAggregate, type LoadOptions } from './load-aggregate';
import { saveSnapshotIfDue } from './save-snapshot-if-due';

export interface CommandOptions<State, E extends Event> extends LoadOptions<State, E> {
  readonly streamType: string;
}

/**
 * The decision: the events a command produces from the aggregate's state, or a refusal
 * (a thrown AppError or LockedError). It sees the loaded version (for If-Match) and may
 * read what else it needs first (e.g. the post's blog), so it may be async.
 */
export type Decide<State, E extends Event> = (
  state: State,
  version: number,
) => readonly E[] | Promise<readonly E[]>;

export interface CommandRun<E extends Event> {
  /** A client's If-Match: the append is refused when the stream moved past this version. */
  readonly expectedVersion?: number;
  /**
   * Sees the decided events before they are appended, in the same transaction: a saga
   * answer cancels its deadline here, so every writer locks the deadline row before the
   * stream row and none can deadlock another.
   */
  readonly beforeAppend?: (events: readonly E[]) => Promise<void>;
}

export interface CommandResult<State, E extends Event> {
  readonly state: State;
  readonly events: readonly RecordedEvent<E>[];
  /** The stream's version after the command: the aggregate's ETag. */
  readonly nextExpectedVersion: number;
}

/**
 * The one write path of every service, in the caller's transaction: load → decide →
 * append at the loaded version (or the client's, for If-Match) with the inline
 * projections → evolve → snapshot when due. A decision of no events appends nothing. A
 * concurrent writer makes the append throw ConcurrencyError and the transaction roll back.
 */
export async function handleCommand<State, E extends Event>(
  tx: SqlClient,
  store: EventStore,
  streamId: string,
  options: CommandOptions<State, E>,
  context: EventContext,
  decide: Decide<State, E>,
  run: CommandRun<E> = {},
): Promise<CommandResult<State, E>> {
  const loaded = await loadAggregate(tx, store, streamId, options);
  const decided = await decide(loaded.state, loaded.version);
  if (decided.length === 0) {
    return { state: loaded.state, events: [], nextExpectedVersion: loaded.version };
  }
  await run.beforeAppend?.(decided);
  const appended = await store.append(
    tx,
    streamId,
    options.streamType,
    decided,
    run.expectedVersion ?? loaded.version,
    context,
  );
  const state = aggregateStream(appended.events, options.evolve, () => loaded.state);
  if (options.snapshot) {
    await saveSnapshotIfDue(
      tx,
      streamId,
      { state, version: appended.nextExpectedVersion, previousVersion: loaded.version },
      options.snapshot,
    );
  }
  return { state, events: appended.events, nextExpectedVersion: appended.nextExpectedVersion };
}
