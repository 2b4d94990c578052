import { BUCKET_MS, bucketStart } from './visit-bucket';

/** The windows `GET /stats/popular` offers, in milliseconds. */
export const VISIT_WINDOWS = {
  '1h': 60 * 60_000,
  '24h': 24 * 60 * 60_000,
  '7d': 7 * 24 * 60 * 60_000,
} as const;

export type VisitWindow = keyof typeof VISIT_WINDOWS;

export const isVisitWindow = (value: string): value is VisitWindow =>
  Object.prototype.hasOwnProperty.call(VISIT_WINDOWS, value);

/**
 * The first bucket inside `window` at `now`: the window is the last N whole buckets,
 * the current (partial) one included, so `1h` sums exactly 60 minute buckets.
 */
export function windowStart(window: VisitWindow, now: Date): Date {
  return new Date(bucketStart(now).getTime() - VISIT_WINDOWS[window] + BUCKET_MS);
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Buckets that start before this may be folded into one row per (post, UTC day): no
 * window reaches them any more (the longest is 7 days; one more day of margin), and
 * totals are sums, which folding keeps.
 */
export function compactionCutoff(now: Date): Date {
  const longest = Math.max(...Object.values(VISIT_WINDOWS));
  return new Date(Math.floor((now.getTime() - longest - DAY_MS) / DAY_MS) * DAY_MS);
}
