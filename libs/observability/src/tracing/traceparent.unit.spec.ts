import { trace } from '@opentelemetry/api';
import { useInMemoryTracing } from '../testing/in-memory-tracing';
import { currentTraceparent, formatTraceparent, parseTraceparent } from './traceparent';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

describe('traceparent', () => {
  useInMemoryTracing();

  it('is null outside any span', () => {
    expect(currentTraceparent()).toBeNull();
  });

  it('serialises the active span and parses back to the same context', () => {
    const { header, spanContext } = trace.getTracer('spec').startActiveSpan('request', (span) => {
      span.end();
      return { header: currentTraceparent(), spanContext: span.spanContext() };
    });
    expect(header).toBe(`00-${spanContext.traceId}-${spanContext.spanId}-01`);
    expect(parseTraceparent(header)).toEqual({ ...spanContext, isRemote: true });
  });

  it('parses the W3C example and keeps unsampled flags', () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-00`)).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: 0,
      isRemote: true,
    });
    expect(formatTraceparent({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 })).toBe(
      `00-${TRACE_ID}-${SPAN_ID}-01`,
    );
  });

  it('rejects malformed, all-zero and forbidden-version values', () => {
    for (const value of [
      null,
      '',
      'garbage',
      `00-${TRACE_ID}-${SPAN_ID}`,
      `00-${'0'.repeat(32)}-${SPAN_ID}-01`,
      `00-${TRACE_ID}-${'0'.repeat(16)}-01`,
      `ff-${TRACE_ID}-${SPAN_ID}-01`,
      `00-${TRACE_ID}-${SPAN_ID}-01-extra`,
      `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`,
    ]) {
      expect(parseTraceparent(value), String(value)).toBeNull();
    }
  });
});
