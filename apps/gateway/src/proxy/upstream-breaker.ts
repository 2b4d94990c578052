import CircuitBreaker from 'opossum';
import type { GatewayConfig } from '../gateway.config';
import type { UpstreamName } from '../routing/upstream-names';

type Call = () => Promise<void>;

export type UpstreamBreaker = CircuitBreaker<[Call], void>;

/**
 * One breaker per upstream: when most calls in the rolling window fail, calls are refused
 * at once for `BREAKER_RESET_MS`, then one trial call decides whether to close again.
 *
 * A failure is a call that got no answer: a refused or cut connection, or a timeout. Those
 * say the upstream is down or stuck for everyone, and waiting on it would tie up the
 * gateway. Any answer, a 5xx included, says it is up and answering at once: a 500 goes to
 * the client as it is, and is not counted, because which requests fail that way is the
 * client's choice: counted, a few anonymous requests shaped to fail would pause the
 * upstream for every caller. An upstream's own 503 (shedding load, its database down)
 * already fails fast by itself.
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
  });
}
