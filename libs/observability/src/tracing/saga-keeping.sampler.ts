import { type Attributes, type Context, type Link, SpanKind } from '@opentelemetry/api';
import {
  ParentBasedSampler,
  type Sampler,
  SamplingDecision,
  type SamplingResult,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_REQUEST_METHOD } from '@opentelemetry/semantic-conventions';

/** The pre-1.23 semantic-convention name, which instrumentation-http still sets by default. */
const LEGACY_HTTP_METHOD = 'http.method';

/** RFC 9110's safe methods: a request made with one asks for nothing to change. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

const KEEP: SamplingResult = { decision: SamplingDecision.RECORD_AND_SAMPLED };

/**
 * Keeps every trace a saga or a command can be in and a share of the rest.
 *
 * - A CONSUMER span is always kept. It is a saga's hop: without it the trace found by
 *   `blog.saga.id` ends at the outbox. It is kept even when the producer's span was not (its
 *   traceparent says not sampled, or there was none, as for a deadline's compensation), so
 *   the trace still holds every hop from there on; everything the handler does follows it.
 * - A SERVER span of a command (any method but the safe ones, so an unusual method is never
 *   dropped as a read) is always kept, whatever its caller decided: this is where a saga
 *   starts, and a caller's own sampling must not cost us the saga's trace.
 * - Anything else follows its parent (ParentBased), and a read that starts a trace is kept
 *   at `readRatio` (TraceIdRatioBased, so the decision is the trace id's, the same in every
 *   process). The services behind the gateway follow its decision through `traceparent`.
 *
 * The method is in the attributes at span start: @fastify/otel sets `http.request.method`
 * before it starts the request span, instrumentation-http `http.method` (or both).
 */
export class SagaKeepingSampler implements Sampler {
  private readonly others: Sampler;

  constructor(readonly readRatio: number) {
    this.others = new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(readRatio) });
  }

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    if (spanKind === SpanKind.CONSUMER) return KEEP;
    if (spanKind === SpanKind.SERVER && isCommand(attributes)) return KEEP;
    return this.others.shouldSample(context, traceId, spanName, spanKind, attributes, links);
  }

  toString(): string {
    return `SagaKeeping{consumers and commands: AlwaysOn, others: ${this.others.toString()}}`;
  }
}

/** A request whose method is known and not safe; a span without one is not a request. */
function isCommand(attributes: Attributes): boolean {
  const method = attributes[ATTR_HTTP_REQUEST_METHOD] ?? attributes[LEGACY_HTTP_METHOD];
  return typeof method === 'string' && !SAFE_METHODS.has(method.toUpperCase());
}
