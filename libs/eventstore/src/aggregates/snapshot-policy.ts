/**
 * When to keep a snapshot and which state shape it holds. Bump `schemaVersion` whenever
 * the state type changes: older snapshots are then ignored and replaced, never misread.
 */
export interface SnapshotPolicy<State> {
  readonly every: number;
  readonly schemaVersion: number;
  /** Validates a stored state; without it the JSON is trusted as `State`. */
  readonly parse?: (stored: unknown) => State;
}

/** True when the versions from `previous` (exclusive) to `next` cross a multiple of `every`. */
export function isSnapshotDue(previous: number, next: number, every: number): boolean {
  if (!Number.isInteger(every) || every < 1) {
    throw new RangeError(`Snapshot interval must be a positive integer, got ${every}`);
  }
  return Math.floor(next / every) > Math.floor(previous / every);
}
