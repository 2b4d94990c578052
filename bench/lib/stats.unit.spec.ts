import { markdownTable, percentile, summarise } from './stats';

describe('bench stats', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([
      50, 99, 100,
    ]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises and prints a markdown table', () => {
    expect(summarise([3, 1, 2])).toEqual({ count: 3, p50: 2, p99: 3, max: 3 });
    expect(markdownTable(['a', 'b'], [['x', 1.25]])).toBe('| a | b |\n| --- | --- |\n| x | 1.3 |');
  });
});
