import { consumerLagVerdict } from './consumer-lag-verdict';

const group = (consumer: string, total: number) => ({
  consumer,
  groupId: `${consumer}.blog_user`,
  total,
  byTopic: { 'outbox.event.account': total },
});

describe('consumerLagVerdict', () => {
  it('reports every group and is healthy at or below the threshold', () => {
    expect(consumerLagVerdict([group('user.sign-up', 10), group('user.close', 0)], 10)).toEqual({
      healthy: true,
      problems: [],
      lag: { 'user.sign-up': 10, 'user.close': 0 },
    });
  });

  it('names each group above the threshold', () => {
    const verdict = consumerLagVerdict([group('user.sign-up', 11), group('user.close', 0)], 10);
    expect(verdict.healthy).toBe(false);
    expect(verdict.problems).toEqual(['user.sign-up is 11 records behind (max 10)']);
  });
});
