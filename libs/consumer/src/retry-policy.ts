export interface RetryPolicy {
  /** Total tries of a handler before its message is dead-lettered. */
  readonly attempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  initialBackoffMs: 100,
  maxBackoffMs: 2_000,
};

/** Exponential backoff with full jitter, so replicas retrying together spread out. */
export function backoffMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (failedAttempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
