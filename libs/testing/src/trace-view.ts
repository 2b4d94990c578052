import type { JaegerTrace } from './jaeger-query';

export type AttributeValue = string | number | boolean;

/** One span as a spec reasons about it: who emitted it, what it is, who its parent is. */
export interface TracedSpan {
  readonly id: string;
  /** The CHILD_OF reference; null for the trace's root. */
  readonly parentId: string | null;
  readonly service: string;
  readonly name: string;
  /** OpenTelemetry span kind as Jaeger tags it: server, client, consumer, producer, internal. */
  readonly kind: string | null;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/**
 * A Jaeger trace as a tree. Specs assert on its structure (which service's span is the
 * parent of which) rather than on span counts, which change whenever an instrumentation
 * adds or merges a span.
 */
export class TraceView {
  readonly traceId: string;
  readonly spans: readonly TracedSpan[];
  private readonly byId: ReadonlyMap<string, TracedSpan>;

  constructor(trace: JaegerTrace) {
    this.traceId = trace.traceID;
    this.spans = trace.spans.map((span) => {
      const attributes = Object.fromEntries(span.tags.map((t) => [t.key, t.value]));
      const parent = span.references.find((reference) => reference.refType === 'CHILD_OF');
      const kind = attributes['span.kind'];
      return {
        id: span.spanID,
        parentId: parent?.spanID ?? null,
        service: trace.processes[span.processID]?.serviceName ?? 'unknown',
        name: span.operationName,
        kind: typeof kind === 'string' ? kind : null,
        attributes,
      };
    });
    this.byId = new Map(this.spans.map((span) => [span.id, span]));
  }

  services(): ReadonlySet<string> {
    return new Set(this.spans.map((span) => span.service));
  }

  /** Spans without a parent; a trace that crossed every hop intact has exactly one. */
  roots(): readonly TracedSpan[] {
    return this.spans.filter((span) => span.parentId === null);
  }

  /** Spans whose parent is not in the trace: a hop that lost its context or its spans. */
  orphans(): readonly TracedSpan[] {
    return this.spans.filter((span) => span.parentId !== null && !this.byId.has(span.parentId));
  }

  /** Parent, grandparent, ... up to the root (nearest first). */
  ancestorsOf(span: TracedSpan): readonly TracedSpan[] {
    const chain: TracedSpan[] = [];
    const seen = new Set<string>([span.id]);
    let parent = this.parentOf(span);
    while (parent && !seen.has(parent.id)) {
      chain.push(parent);
      seen.add(parent.id);
      parent = this.parentOf(parent);
    }
    return chain;
  }

  /** For a consumer span: the producing side's span whose traceparent was in the header. */
  parentOf(span: TracedSpan): TracedSpan | null {
    return (span.parentId === null ? undefined : this.byId.get(span.parentId)) ?? null;
  }

  /** Spans whose attributes include every given one. */
  spansWith(service: string, attributes: Readonly<Record<string, AttributeValue>>) {
    return this.spans.filter(
      (span) =>
        span.service === service &&
        Object.entries(attributes).every(([key, value]) => span.attributes[key] === value),
    );
  }
}
