/**
 * Visits are counted in one-minute buckets per post: a burst on one post updates a few
 * counter rows instead of appending a row per visit, and any window is a sum of buckets.
 */
export const BUCKET_MS = 60_000;

/**
 * Each (post, minute) is split over this many rows; a visit picks one at random, so
 * concurrent visits to one hot post do not queue on a single row lock.
 */
export const BUCKET_STRIPES = 8;

/** The start of the bucket a visit at `at` falls into (UTC minute). */
export function bucketStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
}

/** A stripe in [0, BUCKET_STRIPES); `random` is injectable so tests can pin it. */
export function bucketStripe(random: () => number = Math.random): number {
  return Math.min(BUCKET_STRIPES - 1, Math.floor(random() * BUCKET_STRIPES));
}
