import { createHash } from 'node:crypto';
import {
  type Attributes,
  type Context,
  ROOT_CONTEXT,
  SpanKind,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { SagaKeepingSampler } from './saga-keeping.sampler';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const { RECORD_AND_SAMPLED: KEPT, NOT_RECORD: DROPPED } = SamplingDecision;

/** A parent span context as a caller's traceparent (remote) or this process's span (local). */
function parent(where: 'remote' | 'local', sampled: boolean): Context {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: TRACE_ID,
    spanId: '00f067aa0ba902b7',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: where === 'remote',
  });
}

interface Span {
  readonly kind: SpanKind;
  readonly attributes?: Attributes;
  readonly context?: Context;
  readonly traceId?: string;
}

const decide = (sampler: SagaKeepingSampler, span: Span) =>
  sampler.shouldSample(
    span.context ?? ROOT_CONTEXT,
    span.traceId ?? TRACE_ID,
    'request',
    span.kind,
    span.attributes ?? {},
    [],
  ).decision;

/** A request span as @fastify/otel starts it: the method is among its first attributes. */
const request = (method: string, context?: Context): Span => ({
  kind: SpanKind.SERVER,
  attributes: { 'http.request.method': method, 'url.path': '/posts' },
  ...(context ? { context } : {}),
});

describe('SagaKeepingSampler', () => {
  const never = new SagaKeepingSampler(0);
  const always = new SagaKeepingSampler(1);

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('keeps every %s request, reads or not', (method) => {
    expect(decide(never, request(method))).toBe(KEPT);
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('keeps %s requests at the read ratio only', (method) => {
    expect(decide(never, request(method))).toBe(DROPPED);
    expect(decide(always, request(method))).toBe(KEPT);
  });

  it('reads the method whatever its case, and from the old attribute name too', () => {
    expect(decide(never, request('post'))).toBe(KEPT);
    expect(decide(never, request('get'))).toBe(DROPPED);
    expect(decide(never, { kind: SpanKind.SERVER, attributes: { 'http.method': 'DELETE' } })).toBe(
      KEPT,
    );
    expect(decide(never, { kind: SpanKind.SERVER, attributes: { 'http.method': 'GET' } })).toBe(
      DROPPED,
    );
  });

  it('takes a method it does not know for a command, never for a read', () => {
    // instrumentation-http reports unknown methods as `_OTHER`.
    expect(decide(never, request('PROPFIND'))).toBe(KEPT);
    expect(decide(never, request('_OTHER'))).toBe(KEPT);
  });

  it('treats a server span without a method as a read', () => {
    expect(decide(never, { kind: SpanKind.SERVER })).toBe(DROPPED);
    expect(decide(always, { kind: SpanKind.SERVER })).toBe(KEPT);
  });

  it('keeps a command even when its caller did not sample it', () => {
    expect(decide(never, request('POST', parent('remote', false)))).toBe(KEPT);
  });

  it('follows a caller’s decision on a read, whatever the ratio', () => {
    expect(decide(never, request('GET', parent('remote', true)))).toBe(KEPT);
    expect(decide(always, request('GET', parent('remote', false)))).toBe(DROPPED);
  });

  it('follows the local parent for anything inside a request: queries, calls out', () => {
    for (const kind of [SpanKind.CLIENT, SpanKind.INTERNAL]) {
      expect(decide(never, { kind, context: parent('local', true) })).toBe(KEPT);
      expect(decide(always, { kind, context: parent('local', false) })).toBe(DROPPED);
    }
    // A call out is a CLIENT span: a POST made inside a dropped read stays dropped, or the
    // trace would be a fragment; the server it calls keeps its own span of the command.
    const postOut = {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': 'POST' },
      context: parent('local', false),
    };
    expect(decide(always, postOut)).toBe(DROPPED);
  });

  it.each([
    ['no producer span (a deadline’s message)', ROOT_CONTEXT],
    ['a producer span that was not sampled', parent('remote', false)],
    ['a sampled producer span', parent('remote', true)],
    ['a local span that was not sampled', parent('local', false)],
  ])('keeps every consumer span, continuing %s', (_, context) => {
    expect(decide(never, { kind: SpanKind.CONSUMER, context })).toBe(KEPT);
  });

  it('keeps about its ratio of the reads that start a trace, decided by the trace id', () => {
    const sampler = new SagaKeepingSampler(0.1);
    // Spread-out trace ids that are the same every run: no flaky count.
    const traceIds = Array.from({ length: 10_000 }, (_, i) =>
      createHash('sha256').update(String(i)).digest('hex').slice(0, 32),
    );
    const kept = traceIds.filter(
      (traceId) => decide(sampler, { ...request('GET'), traceId }) === KEPT,
    );
    expect(kept.length).toBeGreaterThan(900);
    expect(kept.length).toBeLessThan(1_100);
    // The same trace id gets the same answer: every process of a trace agrees at its root.
    const twice = traceIds.filter(
      (traceId) => decide(sampler, { ...request('HEAD'), traceId }) === KEPT,
    );
    expect(twice).toEqual(kept);
  });

  it('names its parts', () => {
    expect(new SagaKeepingSampler(0.25).toString()).toMatch(
      /^SagaKeeping\{consumers and commands: AlwaysOn, others: ParentBased\{root=TraceIdRatioBased\{0\.25\}/,
    );
  });
});
