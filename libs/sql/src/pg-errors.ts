interface PgError {
  readonly code?: string;
  readonly constraint?: string;
}

/** Postgres unique_violation (23505) on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: violated } = (error ?? {}) as PgError;
  return code === '23505' && violated === constraint;
}

/** A deadlock (40P01) or serialization failure (40001): the transaction may simply run again. */
export function isTransactionConflict(error: unknown): boolean {
  const { code } = (error ?? {}) as PgError;
  return code === '40P01' || code === '40001';
}
