import type { SqlClient } from '@blog/sql';

/**
 * Outbox rows stay after Debezium has read them, so a saga can be replayed from them
 * (same message ids); after the retention window they are deleted in small batches
 * (the router ignores DELETEs, and small batches keep WAL and locks short). A saga older
 * than the window can no longer be replayed from the outbox.
 */
export async function pruneOutbox(
  tx: SqlClient,
  retentionDays: number,
  batchSize = 5_000,
): Promise<number> {
  const { rowCount } = await tx.query(
    `DELETE FROM outbox WHERE seq IN (
       SELECT seq FROM outbox WHERE occurred_at < now() - make_interval(days => $1)
        ORDER BY seq LIMIT $2)`,
    [retentionDays, batchSize],
  );
  return rowCount ?? 0;
}
