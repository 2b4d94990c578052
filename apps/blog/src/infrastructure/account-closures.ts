import { AppError, LockedError } from '@blog/domain';
import type { SqlClient } from '@blog/sql';
import { CLOSE_ACCOUNT_SAGA } from '../domain/blog.sagas';

/**
 * Serialises, per account, creating a blog with enumerating the account's blogs for a
 * closure: neither can miss the other's uncommitted work.
 */
export async function lockAccount(tx: SqlClient, accountId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('blog-account:' || $1, 0))`, [
    accountId,
  ]);
}

/**
 * A closed (or closing) account gets no new blog: its closure would never see it. While the
 * closure runs, that is its saga's lock (409 LOCKED naming it); once it has ended, a
 * conflict that still names it.
 */
export async function assertAccountNotClosing(tx: SqlClient, accountId: string): Promise<void> {
  const { rows } = await tx.query<{ closure_saga_id: string; completed: boolean }>(
    `SELECT closure_saga_id, completed_at IS NOT NULL AS completed
       FROM account_closures WHERE account_id = $1
      ORDER BY requested_at DESC LIMIT 1`,
    [accountId],
  );
  const closure = rows[0];
  if (closure === undefined) return;
  const lock = { sagaId: closure.closure_saga_id, sagaType: CLOSE_ACCOUNT_SAGA } as const;
  if (!closure.completed) throw new LockedError(`account ${accountId}`, lock, 'create a blog');
  throw new AppError('conflict', 'BLOG.ACCOUNT_CLOSED', 'The account is closed', lock);
}
