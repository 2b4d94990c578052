import type { EventData } from '../events/event';

/** Turns one stored shape of an event's data into the next: `fromVersion` → `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: EventData) => EventData;
}

/**
 * Declares an upcaster with the two shapes spelled out, so its body is type-checked
 * against them. Stored rows are only as trustworthy as their `schema_version`: the version
 * number is the contract that the input has the `From` shape.
 */
export function upcaster<From extends EventData, To extends EventData>(
  type: string,
  fromVersion: number,
  upcast: (data: From) => To,
): Upcaster {
  return { type, fromVersion, upcast: (data) => upcast(data as From) };
}
