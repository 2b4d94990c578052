import FastifyOtelInstrumentation from '@fastify/otel';
import { SpanKind, trace } from '@opentelemetry/api';
import Fastify, { type FastifyInstance } from 'fastify';
import { useInMemoryTracing } from '../testing/in-memory-tracing';
import { withConsumerSpan } from './consumer-span';
import { SagaKeepingSampler } from './saga-keeping.sampler';
import { currentTraceparent } from './traceparent';

// The sampler behind the real SDK and the request instrumentation the services use: what it
// decides from is what @fastify/otel and withConsumerSpan hand it at span start. No read is
// kept at the root (ratio 0), so whatever is exported was kept by the saga rules or a parent.

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const callerSaid = (flags: '00' | '01') => `00-${TRACE_ID}-${CALLER_SPAN_ID}-${flags}`;

describe('the saga-keeping sampler through the SDK', () => {
  const spans = useInMemoryTracing(new SagaKeepingSampler(0));
  // Enabled on construction: it hooks every Fastify instance made from here on.
  const instrumentation = new FastifyOtelInstrumentation({
    registerOnInitialization: true,
    instrumentHooks: false,
    instrumentHandler: false,
  });
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    // Each answers with the traceparent a write in it would store in the outbox.
    app.get('/posts', async () => ({ traceparent: currentTraceparent() }));
    app.post('/posts', async () => ({ traceparent: currentTraceparent() }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    instrumentation.disable();
  });

  const call = async (method: 'GET' | 'POST', traceparent?: string) => {
    const response = await app.inject({
      method,
      url: '/posts',
      headers: traceparent ? { traceparent } : {},
    });
    return (response.json<{ traceparent: string | null }>().traceparent ?? '').slice(-2);
  };

  it('keeps a command’s request span and drops a read’s', async () => {
    expect(await call('GET')).toBe('00');
    expect(await call('POST')).toBe('01');
    const exported = spans.getFinishedSpans();
    expect(exported.map((span) => [span.kind, span.attributes['http.request.method']])).toEqual([
      [SpanKind.SERVER, 'POST'],
    ]);
  });

  it('keeps a read its caller sampled, and a command its caller did not', async () => {
    expect(await call('GET', callerSaid('01'))).toBe('01');
    expect(await call('POST', callerSaid('00'))).toBe('01');
    const exported = spans.getFinishedSpans();
    expect(exported.map((span) => span.attributes['http.request.method'])).toEqual(['GET', 'POST']);
    for (const span of exported) expect(span.spanContext().traceId).toBe(TRACE_ID);
  });

  it('keeps a consumer span and its work when the producer’s span was not sampled', async () => {
    const envelope = {
      messageId: '6f1c1d9e-1111-4c2b-9a35-1e5b3f1f0a01',
      type: 'PostPublished',
      sagaId: 'saga-1',
      traceparent: callerSaid('00'),
    };
    const stored = await withConsumerSpan(envelope, 'outbox.event.post', () =>
      trace.getTracer('spec').startActiveSpan('INSERT outbox', (query) => {
        query.end();
        return currentTraceparent();
      }),
    );
    const [query, consumer] = spans.getFinishedSpans();
    expect(consumer?.kind).toBe(SpanKind.CONSUMER);
    expect(consumer?.spanContext().traceId).toBe(TRACE_ID);
    expect(consumer?.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
    expect(query?.parentSpanContext?.spanId).toBe(consumer?.spanContext().spanId);
    // The next hop of the saga is kept too: the row it reads says sampled.
    expect(stored).toBe(`00-${TRACE_ID}-${query?.spanContext().spanId}-01`);
  });
});
