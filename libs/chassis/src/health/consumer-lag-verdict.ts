import type { ConsumerLag } from '../messaging/consumer-lag.probe';

export interface ConsumerLagVerdict {
  readonly healthy: boolean;
  readonly problems: readonly string[];
  /** Records behind, per consumer (the inbox name, e.g. `user.sign-up`). */
  readonly lag: Readonly<Record<string, number>>;
}

/** Pure: each group's lag against the one threshold. */
export function consumerLagVerdict(
  lags: readonly ConsumerLag[],
  maxLag: number,
): ConsumerLagVerdict {
  const problems = lags
    .filter((group) => group.total > maxLag)
    .map((group) => `${group.consumer} is ${group.total} records behind (max ${maxLag})`);
  const lag = Object.fromEntries(lags.map((group) => [group.consumer, group.total]));
  return { healthy: problems.length === 0, problems, lag };
}
