import type { SqlClient } from '@blog/sql';

/**
 * Serialises an account's subscribes against its removal (saga 4) without a table:
 * subscribes share the lock, removal takes it alone, so no subscription can commit
 * between "list the account's subscriptions" and "remove them".
 */
export async function lockAccount(
  tx: SqlClient,
  accountId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(`SELECT ${fn}(hashtextextended('subscribe.account:' || $1, 0))`, [accountId]);
}
