/** What `jsonb` round-trips unchanged: event data and snapshots must stay inside it. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

/**
 * An event's payload. `undefined` is allowed so optional fields type-check; JSON drops
 * them, which is what an absent optional field reads back as.
 */
export type EventData = { readonly [key: string]: JsonValue | undefined };

/**
 * A domain event as decide() returns it (Emmett's shape): a literal `type` that makes
 * each aggregate's events one discriminated union, and JSON data.
 */
export interface Event<Type extends string = string, Data extends EventData = EventData> {
  readonly type: Type;
  readonly data: Data;
}
