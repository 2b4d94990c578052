import { type Context, type Span, trace } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Span → id of the first span this process opened in its trace (ECS `transaction.id`). */
const localRoots = new WeakMap<Span, string>();

/**
 * Records each span's local root as it starts. The OpenTelemetry API cannot walk up to a
 * span's ancestors, but Kibana groups log lines by `transaction.id`, the span where this
 * process picked the trace up (an HTTP request, a Kafka message). A WeakMap, so ended spans
 * are collected as usual.
 */
export class LocalRootSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const parent = trace.getSpan(parentContext);
    const parentRoot = parent ? localRoots.get(parent) : undefined;
    localRoots.set(span, parentRoot ?? span.spanContext().spanId);
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export function localRootSpanId(span: Span): string | undefined {
  return localRoots.get(span);
}
