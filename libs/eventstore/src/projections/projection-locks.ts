import type { SqlClient } from '@blog/sql';

// 64-bit keys derived from the projection's name, namespaced so they cannot meet the
// keys other code takes on the same database.
const key = (kind: string) => `hashtextextended('eventstore.${kind}:' || $1, 0)`;

/**
 * Held by whoever writes a projection's active table or switches it: live batches and a
 * rebuild's final switch. Returns false at once when another holder has it.
 */
export async function tryLockProjection(tx: SqlClient, name: string): Promise<boolean> {
  const { rows } = await tx.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_xact_lock(${key('projection')}) AS locked`,
    [name],
  );
  return rows[0]?.locked === true;
}

/** The same lock, waiting for it: the switch must happen, it only has to wait its turn. */
export async function lockProjection(tx: SqlClient, name: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${key('projection')})`, [name]);
}

/** Session lock for the whole rebuild (many transactions); released by unlock or disconnect. */
export async function tryLockRebuild(session: SqlClient, name: string): Promise<boolean> {
  const { rows } = await session.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_lock(${key('rebuild')}) AS locked`,
    [name],
  );
  return rows[0]?.locked === true;
}

export async function unlockRebuild(session: SqlClient, name: string): Promise<void> {
  await session.query(`SELECT pg_advisory_unlock(${key('rebuild')})`, [name]);
}
