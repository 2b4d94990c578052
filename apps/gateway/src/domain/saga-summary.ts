import {
  SAGA_CATALOG,
  SAGA_TYPES,
  type SagaShape,
  type SagaType,
  sagaStartedBy,
} from '@blog/contracts';
import type { RecordedSagaStatus } from './saga-status';

/** One message of a saga as the monitor recorded it. */
export interface SagaMessageFact {
  readonly messageId: string;
  readonly type: string;
  readonly occurredAt: Date;
}

export interface SagaSummary {
  readonly sagaType: SagaType | null;
  readonly status: RecordedSagaStatus;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly lastMessageType: string;
  readonly lastMessageAt: Date;
  readonly messageCount: number;
}

const byTime = (a: SagaMessageFact, b: SagaMessageFact) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || a.messageId.localeCompare(b.messageId);

const END_STATUS: readonly [keyof Omit<SagaShape, 'startedBy'>, RecordedSagaStatus][] = [
  ['succeededOn', 'succeeded'],
  ['compensatedOn', 'compensated'],
  ['timedOutOn', 'timed_out'],
];

function endOf(type: SagaType, messageType: string): RecordedSagaStatus | undefined {
  const shape: SagaShape = SAGA_CATALOG[type];
  for (const [list, status] of END_STATUS) {
    if (shape[list].includes(messageType)) return status;
  }
  return undefined;
}

/** The saga a message belongs to by the catalog, when the catalog lists it anywhere. */
function typeNamedBy(messageType: string): SagaType | undefined {
  return sagaStartedBy(messageType) ?? SAGA_TYPES.find((type) => endOf(type, messageType));
}

/**
 * A saga's summary from the set of its messages, ordered by when they happened, never by
 * when they arrived: the same messages in any arrival order give the same summary. The
 * earliest start message names the saga (a saga may cause another's start message, e.g.
 * close-account's blog deletions); before it arrives, any end message the catalog lists
 * does. The first end message of that type ends it.
 */
export function summariseSaga(messages: readonly SagaMessageFact[]): SagaSummary {
  const ordered = [...messages].sort(byTime);
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (!first || !last) throw new Error('a saga has at least one message');
  const start = ordered.find((message) => sagaStartedBy(message.type));
  const sagaType =
    (start && sagaStartedBy(start.type)) ??
    ordered.map((message) => typeNamedBy(message.type)).find(Boolean) ??
    null;
  const end = sagaType ? ordered.find((message) => endOf(sagaType, message.type)) : undefined;
  return {
    sagaType,
    status: (end && sagaType && endOf(sagaType, end.type)) || 'running',
    startedAt: (start ?? first).occurredAt,
    endedAt: end?.occurredAt ?? null,
    lastMessageType: last.type,
    lastMessageAt: last.occurredAt,
    messageCount: ordered.length,
  };
}
