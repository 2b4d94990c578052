/** OpenTelemetry's recommended HTTP server buckets (seconds), so dashboards read alike. */
export const HTTP_DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/**
 * Outbox → Debezium → Kafka → consumer is usually sub-second but stretches to minutes while a
 * connector restarts or a consumer catches up, which is exactly when the tail matters.
 */
export const COMMIT_TO_CONSUME_BUCKETS = [
  0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300,
];

/** One append is one INSERT batch plus a version check: milliseconds unless contended. */
export const APPEND_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
