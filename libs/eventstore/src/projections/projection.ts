import type { SqlClient } from '@blog/sql';
import type { RecordedEvent } from '../events/event';

/**
 * An async read model fed from the whole log. Its rows live in a table generation
 * `<name>_v<k>`; readers query the view `<name>`, which a rebuild repoints atomically.
 */
export interface Projection {
  /** Lower-case SQL identifier: names the view, the tables and the checkpoint. */
  readonly name: string;
  /** Bump when `createTable` or `handle` change meaning: the table then needs a rebuild. */
  readonly version: number;
  /** When set, only these types reach `handle` (the checkpoint still moves past the rest). */
  readonly eventTypes?: readonly string[];
  /** Creates an empty table named `tableName` (a safe, unquoted identifier). */
  createTable(tx: SqlClient, tableName: string): Promise<void>;
  /** Applies events, in log order, to `tableName` inside the batch's transaction. */
  handle(tx: SqlClient, events: readonly RecordedEvent[], tableName: string): Promise<void>;
}

const NAME = /^[a-z][a-z0-9_]{0,47}$/;

/** Names are spliced into DDL, so only plain identifiers get in. */
export function assertProjectionName(name: string): void {
  if (!NAME.test(name)) {
    throw new Error(`Projection name "${name}" must match ${NAME.source}`);
  }
}

export function projectionTable(name: string, generation: number): string {
  return `${name}_v${generation}`;
}

/** The checkpoint row a rebuild into `generation` advances while it replays. */
export function rebuildCheckpointName(name: string, generation: number): string {
  return `${name}@v${generation}`;
}
