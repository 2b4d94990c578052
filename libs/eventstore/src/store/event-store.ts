import { randomUUID } from 'node:crypto';
import { metrics as processMetrics } from '@blog/observability/metrics/process-metrics';
import type { ServiceMetrics } from '@blog/observability/metrics/service-metrics';
import type { SqlClient } from '@blog/sql';
import type { Event, EventContext, ExpectedVersion, RecordedEvent } from '../events/event';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { type Checkpoint } from './checkpoint';
import { claimStreamVersion, streamVersion } from './claim-stream-version';
import { EVENT_COLUMNS, parseEventRow, type StoredMetadata } from './event-row';
import { type EventInsert, insertEvents } from './insert-events';

/** A read model updated in the appending transaction: it commits or rolls back with the events. */
export type InlineProjection = (tx: SqlClient, events: readonly RecordedEvent[]) => Promise<void>;

export interface EventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly inlineProjections?: readonly InlineProjection[];
  /** Where append latency is recorded; the process registry that /metrics serves by default. */
  readonly metrics?: Pick<ServiceMetrics, 'timeEventStoreAppend'>;
}

export interface AppendResult<E extends Event> {
  /** What to pass as `expected` for the next append to this stream. */
  readonly nextExpectedVersion: number;
  readonly events: readonly RecordedEvent<E>[];
}

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /** Where the next read starts: the last event's position, or `after` when none was read. */
  readonly checkpoint: Checkpoint;
}

// Only transactions below the oldest one still running are certain to be finished: any
// event a later read could see must belong to a transaction at or above that horizon.
const READ_ALL = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE (events.transaction_id, events.global_position) > ($1::xid8, $2::bigint)
    AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, events.global_position
  LIMIT $3`;

function compact(metadata: Record<string, string | null | undefined>): StoredMetadata {
  const present = Object.entries(metadata).filter(
    ([, value]) => value !== undefined && value !== null,
  );
  return Object.fromEntries(present) as unknown as StoredMetadata;
}

/**
 * Postgres event store. Every method works inside the caller's transaction, so events,
 * inline read models and outbox rows commit together or not at all.
 */
export class EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly inlineProjections: readonly InlineProjection[];
  private readonly metrics: Pick<ServiceMetrics, 'timeEventStoreAppend'>;

  constructor(options: EventStoreOptions = {}) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.inlineProjections = options.inlineProjections ?? [];
    this.metrics = options.metrics ?? processMetrics;
  }

  /**
   * Appends `events` to the stream if it is where `expected` says, then runs the inline
   * projections, all in `tx`. Each event gets its own messageId and the context's
   * correlation; a stale `expected` throws ConcurrencyError and writes nothing. Nothing
   * to append writes nothing and checks nothing.
   */
  append<E extends Event>(
    tx: SqlClient,
    streamId: string,
    streamType: string,
    events: readonly E[],
    expected: ExpectedVersion,
    context: EventContext,
  ): Promise<AppendResult<E>> {
    if (events.length === 0) return this.appendNothing(tx, streamId);
    return this.metrics.timeEventStoreAppend(() =>
      this.appendEvents(tx, streamId, streamType, events, expected, context),
    );
  }

  private async appendNothing<E extends Event>(
    tx: SqlClient,
    streamId: string,
  ): Promise<AppendResult<E>> {
    return { nextExpectedVersion: (await streamVersion(tx, streamId)) ?? 0, events: [] };
  }

  private async appendEvents<E extends Event>(
    tx: SqlClient,
    streamId: string,
    streamType: string,
    events: readonly E[],
    expected: ExpectedVersion,
    context: EventContext,
  ): Promise<AppendResult<E>> {
    const last = await claimStreamVersion(tx, streamId, streamType, events.length, expected);
    const first = last - events.length + 1;
    const occurredAt = (context.occurredAt ?? new Date()).toISOString();
    const inserts: EventInsert[] = events.map((event, index) => ({
      version: first + index,
      type: event.type,
      data: event.data,
      schemaVersion: this.upcasters.currentVersion(event.type),
      metadata: compact({
        messageId: randomUUID(),
        correlationId: context.correlationId,
        causationId: context.causationId,
        sagaId: context.sagaId,
        traceparent: context.traceparent,
        actor: context.actor,
        occurredAt,
      }),
    }));
    const positions = await insertEvents(tx, streamId, inserts);
    const recorded = events.map((event, index) => {
      const insert = inserts[index];
      const position = positions[index];
      if (insert === undefined || position === undefined) {
        throw new Error(
          `Event store returned ${positions.length} rows for ${events.length} events`,
        );
      }
      return {
        ...event,
        streamId,
        version: position.version,
        globalPosition: position.globalPosition,
        transactionId: position.transactionId,
        recordedAt: position.recordedAt,
        metadata: { ...insert.metadata, schemaVersion: insert.schemaVersion },
      };
    });
    for (const project of this.inlineProjections) await project(tx, recorded);
    return { nextExpectedVersion: last, events: recorded };
  }

  /**
   * The stream's events from `fromVersion` on, upcast to their current shapes. The caller
   * names the union it appended; stored types outside it are the caller's upcasters' job.
   */
  async readStream<E extends Event = Event>(
    tx: SqlClient,
    streamId: string,
    fromVersion = 1,
  ): Promise<RecordedEvent<E>[]> {
    const { rows } = await tx.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version`,
      [streamId, fromVersion],
    );
    return rows.map((row) => parseEventRow(row, this.upcasters) as RecordedEvent<E>);
  }

  /**
   * Up to `limit` events after `after`, in `(transaction_id, global_position)` order,
   * stopping below the oldest transaction still running: a slower transaction that holds
   * a lower global position is waited for, never skipped.
   */
  async readAll(tx: SqlClient, after: Checkpoint, limit: number): Promise<ReadAllResult> {
    const { rows } = await tx.query(READ_ALL, [after.transactionId, after.position, limit]);
    const events = rows.map((row) => parseEventRow(row, this.upcasters));
    const tail = events.at(-1);
    return {
      events,
      checkpoint: tail
        ? { transactionId: tail.transactionId, position: tail.globalPosition }
        : after,
    };
  }
}
