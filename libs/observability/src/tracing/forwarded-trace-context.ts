import { isSpanContextValid, type Span } from '@opentelemetry/api';
import type { UndiciRequest } from '@opentelemetry/instrumentation-undici';

/** W3C Trace Context headers: the ones the propagator writes. */
const TRACE_CONTEXT_HEADERS = new Set(['traceparent', 'tracestate']);

/**
 * undici's instrumentation appends its traceparent to a request's headers instead of
 * replacing one that is there. The gateway forwards its client's headers, so a traced
 * client made it send two; the upstream joined them into one unparsable value and started
 * a trace of its own. Runs as the instrumentation's request hook, just before it injects:
 * when it is about to inject this request's span (a descendant of the forwarded context,
 * which the gateway's server span continued), the forwarded headers go. Outside a trace
 * nothing is injected, so they stay.
 */
export function dropForwardedTraceContext(span: Span, request: UndiciRequest): void {
  if (!isSpanContextValid(span.spanContext())) return;
  const { headers } = request;
  if (Array.isArray(headers)) {
    // undici ≥ 6: [name, value, name, value, ...]; removed pairwise, from the end.
    for (let index = headers.length - 2; index >= 0; index -= 2) {
      const name = headers[index];
      if (typeof name === 'string' && TRACE_CONTEXT_HEADERS.has(name.toLowerCase())) {
        headers.splice(index, 2);
      }
    }
  } else {
    // undici 5: `name: value\r\n` lines.
    request.headers = headers.replace(/^(traceparent|tracestate):[^\r\n]*\r\n/gim, '');
  }
}
