import { formatBytes, markdownTable, percentile, ratio, summarise, times } from './stats';

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

  it('summarises what percentile() would, for typed arrays and more samples than a spread takes', () => {
    const values = Array.from({ length: 1_000 }, (_, i) => (i * 7919) % 1_000);
    const summary = summarise(values);
    expect([summary.p50, summary.p99]).toEqual([percentile(values, 50), percentile(values, 99)]);
    const many = new Float64Array(300_000).map((_, i) => i);
    expect(summarise(many)).toEqual({ count: 300_000, p50: 149_999, p99: 296_999, max: 299_999 });
    expect(summarise([])).toMatchObject({ count: 0, p50: Number.NaN, max: Number.NaN });
  });

  it('divides, formats ratios and bytes', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNaN();
    expect(times(0.6234)).toBe('0.62x');
    expect(times(Number.NaN)).toBe('n/a');
    expect([formatBytes(512), formatBytes(1536), formatBytes(5 * 1024 ** 3)]).toEqual([
      '512 B',
      '1.5 KiB',
      '5.0 GiB',
    ]);
  });
});
