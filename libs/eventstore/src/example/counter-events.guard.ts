import type { RecordedEvent } from '../events/event';
import type { CounterEvent } from './domain/counter.events';

const TYPES: ReadonlySet<string> = new Set<CounterEvent['type']>([
  'CounterOpened',
  'CounterIncremented',
  'CounterDecremented',
  'CounterClosed',
]);

/** Projections see the whole log; this picks the counter's events out of it. */
export function isCounterEvent(event: RecordedEvent): event is RecordedEvent<CounterEvent> {
  return TYPES.has(event.type);
}
