import { context, isSpanContextValid, type SpanContext, trace } from '@opentelemetry/api';

/** `version-traceid-spanid-flags` (W3C Trace Context); later versions may append fields. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Parsed here rather than through the global propagator so a consumer can continue the
 * producer's trace whatever propagators the process configured, and without loading
 * @opentelemetry/core into every importer of this library.
 */
export function parseTraceparent(value: string | null | undefined): SpanContext | null {
  const match = value ? TRACEPARENT.exec(value.trim()) : null;
  if (!match) return null;
  const [, version, traceId = '', spanId = '', flags = '00', rest] = match;
  // Version ff is forbidden; version 00 has exactly four fields.
  if (version === 'ff' || (version === '00' && rest)) return null;
  const spanContext: SpanContext = {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16),
    isRemote: true,
  };
  return isSpanContextValid(spanContext) ? spanContext : null;
}

export function formatTraceparent(spanContext: SpanContext): string {
  const flags = (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0');
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}

/**
 * The active span as a W3C traceparent, for the outbox row: Debezium copies the column into a
 * Kafka header and the consumer continues the trace from it. Null outside any trace.
 */
export function currentTraceparent(): string | null {
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && isSpanContextValid(spanContext) ? formatTraceparent(spanContext) : null;
}
