import type { Event } from '../../events/event';

/** The example aggregate's events: one union, discriminated on `type`. */
export type CounterOpened = Event<
  'CounterOpened',
  { readonly name: string; readonly limit: number }
>;
/** Schema v2: v1 stored `{ amount }` (see counter.upcasters.ts). */
export type CounterIncremented = Event<
  'CounterIncremented',
  { readonly by: number; readonly source: string }
>;
export type CounterDecremented = Event<'CounterDecremented', { readonly by: number }>;
export type CounterClosed = Event<'CounterClosed', { readonly reason: string }>;

export type CounterEvent = CounterOpened | CounterIncremented | CounterDecremented | CounterClosed;

export const COUNTER_STREAM_TYPE = 'counter';
export const counterStreamId = (counterId: string) => `counter-${counterId}`;
