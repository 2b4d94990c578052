import type { SqlClient } from '@blog/sql';
import { isSnapshotDue, type SnapshotPolicy } from './snapshot-policy';
import { writeSnapshot } from './snapshot-store';

export interface AppendedState<State> {
  /** The state after the appended events. */
  readonly state: State;
  /** The stream's version after the append. */
  readonly version: number;
  /** The stream's version before the append. */
  readonly previousVersion: number;
}

/**
 * Call after an append, in the same transaction: stores a snapshot whenever the append
 * crossed a multiple of `policy.every`. Returns whether it did.
 */
export async function saveSnapshotIfDue<State>(
  tx: SqlClient,
  streamId: string,
  appended: AppendedState<State>,
  policy: SnapshotPolicy<State>,
): Promise<boolean> {
  if (!isSnapshotDue(appended.previousVersion, appended.version, policy.every)) return false;
  await writeSnapshot(
    tx,
    streamId,
    { version: appended.version, state: appended.state },
    policy.schemaVersion,
  );
  return true;
}
