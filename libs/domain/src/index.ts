// What a decider may import: no framework, database or broker is reachable from here
// (dependency-cruiser's domain-reaches-nothing rule checks it).
export { AppError, type ErrorKind } from './app-error';
export type { Event, EventData, JsonValue } from './event';
export { assertUnlocked, LockedError, releasedBy, type SemanticLock } from './semantic-lock';
