import type { Pool, QueryResultRow } from 'pg';
import { closeCommitQueue, openCommitQueue } from './after-commit';

/**
 * The one database port the libraries share: the shape of `pg`'s client, so a pooled
 * connection inside a transaction, a plain client in a test, or TypeORM's underlying
 * pool all fit. Statements are always parameterised.
 */
export interface SqlClient {
  query<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>;
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

/**
 * Runs `work` in one transaction on one pooled connection: committed when it resolves,
 * rolled back when it throws (the error is rethrown unchanged).
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (tx: SqlClient) => Promise<T>,
  isolation: IsolationLevel = 'read committed',
): Promise<T> {
  const client = await pool.connect();
  // A connection lost between two statements (the server restarted, an admin killed the
  // backend) is emitted as 'error' on the checked-out client, and an 'error' nobody
  // listens to kills the process. The next statement fails with it anyway, so note it.
  let broken: Error | boolean = false;
  const onLost = (error: Error) => {
    broken = error;
  };
  client.on('error', onLost);
  let committed = false;
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
    openCommitQueue(client);
    const result = await work(client);
    await client.query('COMMIT');
    committed = true;
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    closeCommitQueue(client, committed);
    client.off('error', onLost);
    // A broken connection is closed, not handed to the next caller.
    client.release(broken);
  }
}
