import CircuitBreaker from 'opossum';
import type { GatewayConfig } from '../gateway.config';
import type { UpstreamName } from '../routing/upstream-names';
import { UpstreamServerError } from './relay-request';

type Call = () => Promise<void>;

export type UpstreamBreaker = CircuitBreaker<[Call], void>;

/**
 * One breaker per upstream: when most calls in the rolling window fail, calls are refused
 * at once for `BREAKER_RESET_MS`, then one trial call decides whether to close again.
 */
export function createUpstreamBreaker(name: UpstreamName, config: GatewayConfig): UpstreamBreaker {
  return new CircuitBreaker((call: Call) => call(), {
    name,
    // Timeouts belong to undici, which also frees the socket; opossum's would not.
    timeout: false,
    errorThresholdPercentage: config.BREAKER_ERROR_PERCENT,
    volumeThreshold: config.BREAKER_VOLUME_THRESHOLD,
    rollingCountTimeout: config.BREAKER_WINDOW_MS,
    rollingCountBuckets: 10,
    resetTimeout: config.BREAKER_RESET_MS,
    errorFilter: isShedding,
  });
}

/**
 * An upstream's own 503 is not a failure: the service refused at once because it sheds load
 * or its database is down, so it already fails fast by itself. Counting it let a burst of
 * sign-ups, shed by auth's password hashing, open auth's breaker and pause logins and key
 * fetches with it (bench/RESULTS.md, saga latency, 2026-12-03).
 */
const isShedding = (error: unknown) => error instanceof UpstreamServerError && error.status === 503;
