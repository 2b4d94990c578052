import { ConcurrencyError } from '@blog/eventstore';

/**
 * Two requests racing on one stream: the loser re-reads and decides again (for an
 * idempotent command the second decision is simply "nothing to do").
 */
export async function retryOnConcurrency<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
    }
  }
}
