export { afterCommit } from './after-commit';
export { inTransaction, type IsolationLevel, type SqlClient } from './sql-client';
