import {
  type Attributes,
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { withMessageContext } from '../logging/message-context';
import { redactText } from '../logging/redaction';
import {
  BLOG_MESSAGE_TYPE,
  BLOG_SAGA_ID,
  MESSAGING_DESTINATION_NAME,
  MESSAGING_MESSAGE_CONVERSATION_ID,
  MESSAGING_MESSAGE_ID,
  MESSAGING_OPERATION_NAME,
  MESSAGING_OPERATION_TYPE,
  MESSAGING_SYSTEM,
} from './messaging-attributes';
import { parseTraceparent } from './traceparent';

export const TRACER_NAME = '@blog/observability';

/** What the span needs from a message envelope; @blog/consumer's MessageEnvelope fits. */
export interface TracedEnvelope {
  readonly traceparent: string | null;
  readonly type: string;
  readonly messageId: string;
  readonly sagaId?: string | null;
  readonly correlationId?: string | null;
}

/**
 * Handles one consumed message inside a CONSUMER span continuing the producer's trace (the
 * outbox row's traceparent, which Debezium put in a Kafka header), so the database spans and
 * outbox writes of the handler join the trace that started at the original HTTP request. Log
 * lines inside carry the message's saga, correlation and message ids.
 *
 * Named `process <topic>` as the messaging semantic conventions name a process span
 * (`{messaging.operation.name} {messaging.destination.name}`); the message type and saga id
 * are attributes, so Jaeger finds a saga's trace by `blog.saga.id`.
 */
export async function withConsumerSpan<T>(
  envelope: TracedEnvelope,
  topic: string,
  fn: (span: Span) => Promise<T> | T,
): Promise<T> {
  const parent = parentFor(envelope.traceparent);
  const span = trace
    .getTracer(TRACER_NAME)
    .startSpan(
      `process ${topic}`,
      { kind: SpanKind.CONSUMER, attributes: attributesOf(envelope, topic) },
      parent,
    );
  const ids = {
    sagaId: envelope.sagaId,
    correlationId: envelope.correlationId,
    messageId: envelope.messageId,
  };
  return context.with(trace.setSpan(parent, span), () =>
    withMessageContext(ids, async () => {
      try {
        return await fn(span);
      } catch (error) {
        markFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    }),
  );
}

/** Error texts can quote tokens or connection strings; spans leave the process as logs do. */
function markFailed(span: Span, error: unknown): void {
  const message = redactText(error instanceof Error ? error.message : String(error));
  span.recordException({
    name: error instanceof Error ? error.name : 'Error',
    message,
    ...(error instanceof Error && error.stack ? { stack: redactText(error.stack) } : {}),
  });
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/**
 * A span already open for the same trace (a Kafka client instrumentation that read the same
 * header) is nested under rather than doubled by a sibling; otherwise the producer's span
 * context is the parent.
 */
function parentFor(traceparent: string | null): Context {
  const active = context.active();
  const remote = parseTraceparent(traceparent);
  if (!remote) return active;
  if (trace.getSpanContext(active)?.traceId === remote.traceId) return active;
  return trace.setSpanContext(active, remote);
}

function attributesOf(envelope: TracedEnvelope, topic: string): Attributes {
  const attributes: Attributes = {
    [MESSAGING_SYSTEM]: 'kafka',
    [MESSAGING_DESTINATION_NAME]: topic,
    [MESSAGING_OPERATION_TYPE]: 'process',
    [MESSAGING_OPERATION_NAME]: 'process',
    [MESSAGING_MESSAGE_ID]: envelope.messageId,
    [BLOG_MESSAGE_TYPE]: envelope.type,
  };
  if (envelope.sagaId) attributes[BLOG_SAGA_ID] = envelope.sagaId;
  if (envelope.correlationId)
    attributes[MESSAGING_MESSAGE_CONVERSATION_ID] = envelope.correlationId;
  return attributes;
}
