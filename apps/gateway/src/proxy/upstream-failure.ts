import { EdgeError } from '../edge/edge-error';
import type { UpstreamName } from '../routing/upstream-names';

const TIMEOUT_CODES = new Set([
  'FST_REPLY_FROM_GATEWAY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The answer for a call that got no upstream response: open breaker, timeout or outage. */
export function upstreamFailure(upstream: UpstreamName, error: unknown): EdgeError {
  const code = codeOf(error);
  if (code === 'EOPENBREAKER') {
    return new EdgeError(503, 'CIRCUIT_OPEN', `${upstream} is failing; calls are paused`, {
      upstream,
    });
  }
  const cause = codeOf((error as { cause?: unknown } | null | undefined)?.cause);
  if (TIMEOUT_CODES.has(code ?? '') || TIMEOUT_CODES.has(cause ?? '')) {
    return new EdgeError(504, 'UPSTREAM_TIMEOUT', `${upstream} did not answer in time`, {
      upstream,
    });
  }
  return new EdgeError(503, 'UPSTREAM_UNAVAILABLE', `${upstream} is unavailable`, { upstream });
}
