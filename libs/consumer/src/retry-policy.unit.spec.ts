import { backoffMs, type RetryPolicy } from './retry-policy';

describe('backoffMs', () => {
  const policy: RetryPolicy = { attempts: 5, initialBackoffMs: 100, maxBackoffMs: 1_000 };

  it('doubles per failed attempt, within half to all of the ceiling', () => {
    expect([1, 2, 3].map((n) => backoffMs(policy, n, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((n) => backoffMs(policy, n, () => 1))).toEqual([100, 200, 400]);
  });

  it('never exceeds the maximum', () => {
    expect(backoffMs(policy, 30, () => 1)).toBe(1_000);
  });
});
