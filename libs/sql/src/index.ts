export { inTransaction, type IsolationLevel, type SqlClient } from './sql-client';
