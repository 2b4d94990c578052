export { afterCommit } from './after-commit';
export { isTransactionConflict, isUniqueViolation } from './pg-errors';
export { inTransaction, type IsolationLevel, type SqlClient } from './sql-client';
