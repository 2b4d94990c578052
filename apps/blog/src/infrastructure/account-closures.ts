import { AppError } from '@blog/chassis';
import type { SqlClient } from '@blog/sql';

/**
 * Serialises, per account, creating a blog with enumerating the account's blogs for a
 * closure: neither can miss the other's uncommitted work.
 */
export async function lockAccount(tx: SqlClient, accountId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('blog-account:' || $1, 0))`, [
    accountId,
  ]);
}

/** A closed (or closing) account gets no new blog: its closure would never see it. */
export async function assertAccountNotClosing(tx: SqlClient, accountId: string): Promise<void> {
  const { rowCount } = await tx.query(`SELECT 1 FROM account_closures WHERE account_id = $1`, [
    accountId,
  ]);
  if (rowCount) {
    throw new AppError('conflict', 'BLOG.ACCOUNT_CLOSING', 'The account is being closed');
  }
}
