import { INVALID_SPAN_CONTEXT, type Span, trace } from '@opentelemetry/api';
import type { UndiciRequest } from '@opentelemetry/instrumentation-undici';
import { dropForwardedTraceContext } from './forwarded-trace-context';

const CLIENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

const traced: Span = trace.wrapSpanContext({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: '00f067aa0ba902b7',
  traceFlags: 1,
});
const untraced: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

function request(headers: UndiciRequest['headers']): UndiciRequest {
  return { origin: 'http://127.0.0.1:3001', method: 'GET', path: '/', headers } as UndiciRequest;
}

describe('dropForwardedTraceContext', () => {
  it('drops forwarded trace headers (any case) when the request gets its own span', () => {
    const forwarded = request([
      'x-request-id',
      'r1',
      'Traceparent',
      CLIENT,
      'authorization',
      'Bearer t',
      'tracestate',
      'vendor=1',
    ]);
    dropForwardedTraceContext(traced, forwarded);
    expect(forwarded.headers).toEqual(['x-request-id', 'r1', 'authorization', 'Bearer t']);
  });

  it('keeps them outside a trace, where nothing replaces them', () => {
    const forwarded = request(['traceparent', CLIENT]);
    dropForwardedTraceContext(untraced, forwarded);
    expect(forwarded.headers).toEqual(['traceparent', CLIENT]);
  });

  it('handles the serialised headers of undici 5', () => {
    const forwarded = request(`host: a\r\ntraceparent: ${CLIENT}\r\nTraceState: v=1\r\nx: y\r\n`);
    dropForwardedTraceContext(traced, forwarded);
    expect(forwarded.headers).toBe('host: a\r\nx: y\r\n');
  });
});
