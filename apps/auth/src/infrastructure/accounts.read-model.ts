import type { SqlClient } from '@blog/sql';
import type { Role } from '../domain/account.events';
import type { AccountStatus } from '../domain/account.state';

export interface AccountView {
  readonly accountId: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly status: AccountStatus;
  readonly rejectionReason: string | null;
  readonly signUpSagaId: string;
  readonly closureSagaId: string | null;
}

export interface LoginCandidate extends AccountView {
  readonly passwordHash: string;
}

interface AccountRow {
  account_id: string;
  email: string;
  roles: Role[];
  status: AccountStatus;
  rejection_reason: string | null;
  sign_up_saga_id: string;
  closure_saga_id: string | null;
}

const COLUMNS = `a.account_id, a.email, a.roles, a.status, a.rejection_reason, a.sign_up_saga_id,
                 a.closure_saga_id`;

const toView = (row: AccountRow): AccountView => ({
  accountId: row.account_id,
  email: row.email,
  roles: row.roles,
  status: row.status,
  rejectionReason: row.rejection_reason,
  signUpSagaId: row.sign_up_saga_id,
  closureSagaId: row.closure_saga_id,
});

export async function findAccount(db: SqlClient, accountId: string): Promise<AccountView | null> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${COLUMNS} FROM accounts a WHERE a.account_id = $1`,
    [accountId],
  );
  return rows[0] ? toView(rows[0]) : null;
}

/** The live account of an email, or else its latest rejected one (to say why it failed). */
export async function findLoginCandidate(
  db: SqlClient,
  email: string,
): Promise<LoginCandidate | null> {
  const { rows } = await db.query<AccountRow & { password_hash: string }>(
    `SELECT ${COLUMNS}, c.password_hash
       FROM accounts a JOIN credentials c USING (account_id)
      WHERE lower(a.email) = lower($1)
      ORDER BY a.status = 'REJECTED', a.created_at DESC
      LIMIT 1`,
    [email],
  );
  const row = rows[0];
  return row ? { ...toView(row), passwordHash: row.password_hash } : null;
}

export async function isEmailTaken(db: SqlClient, email: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM accounts WHERE lower(email) = lower($1) AND status <> 'REJECTED'`,
    [email],
  );
  return (rowCount ?? 0) > 0;
}
