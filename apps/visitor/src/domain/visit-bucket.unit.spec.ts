import { BUCKET_STRIPES, bucketStart, bucketStripe } from './visit-bucket';
import { compactionCutoff, isVisitWindow, windowStart } from './visit-window';

const at = (iso: string) => new Date(iso);

describe('visit buckets', () => {
  it('puts a visit in the UTC minute it happened in', () => {
    expect(bucketStart(at('2025-03-01T10:15:59.999Z'))).toEqual(at('2025-03-01T10:15:00.000Z'));
    expect(bucketStart(at('2025-03-01T10:16:00.000Z'))).toEqual(at('2025-03-01T10:16:00.000Z'));
  });

  it('spreads visits over every stripe and never outside them', () => {
    expect(bucketStripe(() => 0)).toBe(0);
    expect(bucketStripe(() => 0.999_999)).toBe(BUCKET_STRIPES - 1);
    expect(bucketStripe(() => 1)).toBe(BUCKET_STRIPES - 1);
    const seen = new Set(Array.from({ length: 2_000 }, () => bucketStripe()));
    expect(seen.size).toBe(BUCKET_STRIPES);
  });
});

describe('popular-post windows', () => {
  const now = at('2025-03-08T12:30:42.000Z');

  it.each([
    ['1h', '2025-03-08T11:31:00.000Z'],
    ['24h', '2025-03-07T12:31:00.000Z'],
    ['7d', '2025-03-01T12:31:00.000Z'],
  ] as const)('%s starts N whole buckets back, the current one included', (window, start) => {
    expect(windowStart(window, now)).toEqual(at(start));
  });

  it('counts a visit exactly as long as its bucket is among the last hour of buckets', () => {
    const visit = at('2025-03-08T11:31:05.000Z');
    expect(bucketStart(visit) >= windowStart('1h', now)).toBe(true);
    const aMinuteLater = new Date(now.getTime() + 60_000);
    expect(bucketStart(visit) >= windowStart('1h', aMinuteLater)).toBe(false);
  });

  it('knows only the offered windows', () => {
    expect(['1h', '24h', '7d'].every(isVisitWindow)).toBe(true);
    expect(['2h', '', 'constructor', '__proto__'].some(isVisitWindow)).toBe(false);
  });
});

describe('bucket compaction', () => {
  it('only reaches buckets no window can see, at a UTC day boundary', () => {
    const now = at('2025-03-10T12:30:00.000Z');
    const cutoff = compactionCutoff(now);
    expect(cutoff).toEqual(at('2025-03-02T00:00:00.000Z'));
    expect(cutoff < windowStart('7d', now)).toBe(true);
    expect(compactionCutoff(at('2025-03-10T00:00:00.000Z'))).toEqual(
      at('2025-03-02T00:00:00.000Z'),
    );
  });
});
