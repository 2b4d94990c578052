import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { capturedLines } from '../testing/captured-lines';
import { useInMemoryTracing } from '../testing/in-memory-tracing';
import { createLogger } from '../logging/create-logger';
import { withConsumerSpan } from './consumer-span';
import { currentTraceparent, parseTraceparent } from './traceparent';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PRODUCER_SPAN_ID = '00f067aa0ba902b7';

const envelope = {
  messageId: '6f1c1d9e-1111-4c2b-9a35-1e5b3f1f0a01',
  type: 'PostPublished',
  correlationId: 'corr-1',
  causationId: null,
  sagaId: 'saga-1',
  traceparent: `00-${TRACE_ID}-${PRODUCER_SPAN_ID}-01`,
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

describe('withConsumerSpan', () => {
  const spans = useInMemoryTracing();

  it('continues the trace of the traceparent header in a CONSUMER span', async () => {
    const result = await withConsumerSpan(envelope, 'outbox.event.post', async () => 'handled');
    expect(result).toBe('handled');
    const [span] = spans.getFinishedSpans();
    expect(span?.name).toBe('process outbox.event.post');
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(PRODUCER_SPAN_ID);
    expect(span?.parentSpanContext?.isRemote).toBe(true);
    expect(span?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'outbox.event.post',
      'messaging.operation.type': 'process',
      'messaging.message.id': envelope.messageId,
      'messaging.message.conversation_id': 'corr-1',
      'blog.saga.id': 'saga-1',
      'blog.message.type': 'PostPublished',
    });
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('nests the work of the handler under it and hands on its traceparent', async () => {
    const tracer = trace.getTracer('spec');
    const stored = await withConsumerSpan(envelope, 'outbox.event.post', async () => {
      await Promise.resolve();
      return tracer.startActiveSpan('INSERT outbox', (query) => {
        query.end();
        return currentTraceparent();
      });
    });
    const [query, consumer] = spans.getFinishedSpans();
    expect(query?.parentSpanContext?.spanId).toBe(consumer?.spanContext().spanId);
    expect(stored).toBe(`00-${TRACE_ID}-${query?.spanContext().spanId}-01`);
  });

  it('labels log lines inside with the message ids and transaction', async () => {
    const output = capturedLines();
    const logger = createLogger('subscribe', '1.0.0', { stream: output.stream });
    await withConsumerSpan(envelope, 'outbox.event.post', async () => logger.info('notifying'));
    const [line] = await output.lines();
    const [span] = spans.getFinishedSpans();
    expect(line).toMatchObject({
      'trace.id': TRACE_ID,
      'span.id': span?.spanContext().spanId,
      'transaction.id': span?.spanContext().spanId,
      'labels.saga_id': 'saga-1',
      'labels.correlation_id': 'corr-1',
      'labels.message_id': envelope.messageId,
    });
  });

  it('marks the span as failed and rethrows when the handler throws', async () => {
    const failing = withConsumerSpan(envelope, 'outbox.event.post', async () => {
      throw new Error('handler failed for postgres://blog:s3cret@db/blog');
    });
    await expect(failing).rejects.toThrow('handler failed');
    const [span] = spans.getFinishedSpans();
    const message = 'handler failed for postgres://blog:[REDACTED]@db/blog';
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
    expect(span?.events[0]?.attributes).toMatchObject({
      'exception.type': 'Error',
      'exception.message': message,
    });
    expect(JSON.stringify(span?.events)).not.toContain('s3cret');
    expect(span?.ended).toBe(true);
  });

  it('starts a new trace when the message carries no usable traceparent', async () => {
    await withConsumerSpan({ ...envelope, traceparent: null }, 't', async () => undefined);
    await withConsumerSpan({ ...envelope, traceparent: 'garbage' }, 't', async () => undefined);
    for (const span of spans.getFinishedSpans()) {
      expect(span.parentSpanContext).toBeUndefined();
      expect(span.spanContext().traceId).not.toBe(TRACE_ID);
    }
  });

  it('nests under a span already open for the same trace (a Kafka client instrumentation)', async () => {
    const producer = parseTraceparent(envelope.traceparent);
    if (!producer) throw new Error('spec envelope has a valid traceparent');
    const remote = trace.setSpanContext(context.active(), producer);
    const tracer = trace.getTracer('spec');
    await tracer.startActiveSpan('process outbox.event.post', {}, remote, async (kafkaSpan) => {
      await withConsumerSpan(envelope, 'outbox.event.post', async () => undefined);
      kafkaSpan.end();
    });
    const [ours, kafka] = spans.getFinishedSpans();
    expect(ours?.parentSpanContext?.spanId).toBe(kafka?.spanContext().spanId);
    expect(kafka?.parentSpanContext?.spanId).toBe(PRODUCER_SPAN_ID);
  });
});
