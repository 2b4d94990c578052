import { ConcurrencyError } from '@blog/eventstore';

interface PgError {
  readonly code?: string;
  readonly constraint?: string;
}

/**
 * Conflicts a fresh attempt can resolve: another writer moved the stream (the command is
 * decided again on the new state), a slug taken meanwhile (the next free one is picked),
 * a deadlock or serialization failure.
 */
function isRetryable(error: unknown, uniqueConstraints: readonly string[]): boolean {
  if (error instanceof ConcurrencyError) return true;
  const { code, constraint } = (error ?? {}) as PgError;
  if (code === '40P01' || code === '40001') return true;
  return code === '23505' && constraint !== undefined && uniqueConstraints.includes(constraint);
}

/** Runs `attempt` (a whole transaction) again on a retryable conflict, a few times at most. */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  options: { attempts?: number; uniqueConstraints?: readonly string[] } = {},
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
