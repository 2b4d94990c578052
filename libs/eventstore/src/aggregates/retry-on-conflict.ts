import { isTransactionConflict, isUniqueViolation } from '@blog/sql';
import { ConcurrencyError } from '../errors/concurrency.error';

/**
 * Conflicts a fresh attempt can resolve: another writer moved the stream (the command is
 * decided again on the new state; for an idempotent one the second decision is simply
 * "nothing to do"), a deadlock or serialization failure, or a unique value the caller names
 * (a slug taken meanwhile: the next free one is picked).
 */
function isRetryable(error: unknown, uniqueConstraints: readonly string[]): boolean {
  return (
    error instanceof ConcurrencyError ||
    isTransactionConflict(error) ||
    uniqueConstraints.some((constraint) => isUniqueViolation(error, constraint))
  );
}

export interface RetryOnConflictOptions {
  /** Tries in all, the first included (3). */
  readonly attempts?: number;
  /** Unique constraints whose violation a fresh attempt resolves. */
  readonly uniqueConstraints?: readonly string[];
}

/** Runs `attempt` (a whole transaction) again on a retryable conflict, a few times at most. */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  options: RetryOnConflictOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= attempts || !isRetryable(error, options.uniqueConstraints ?? [])) throw error;
    }
  }
}
