import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { format } from 'winston';
import { localRootSpanId } from '../tracing/local-root.span-processor';
import { currentMessageContext } from './message-context';

/**
 * Meta key a child logger sets to pick its `event.dataset` suffix (`app`, `access`). A symbol
 * so callers' own fields can never collide with it and it is never serialised.
 */
export const DATASET = Symbol('observability.dataset');

export interface ServiceIdentity {
  readonly service: string;
  readonly version: string;
}

/**
 * The fields that let Kibana join a line to its service, trace and saga. Set here rather than
 * by ecs-winston-format, whose trace and service fields only come from the Elastic APM agent.
 */
export const ecsContextFormat = format((info, options) => {
  const { service, version } = options as ServiceIdentity;
  const dataset = typeof info[DATASET] === 'string' ? info[DATASET] : 'app';
  info['service.name'] = service;
  info['service.version'] = version;
  info['event.dataset'] = `${service}.${dataset}`;

  const span = trace.getSpan(context.active());
  const spanContext = span?.spanContext();
  if (span && spanContext && isSpanContextValid(spanContext)) {
    info['trace.id'] = spanContext.traceId;
    info['span.id'] = spanContext.spanId;
    const transactionId = localRootSpanId(span);
    if (transactionId) info['transaction.id'] = transactionId;
  }

  const message = currentMessageContext();
  if (message?.sagaId) info['labels.saga_id'] = message.sagaId;
  if (message?.correlationId) info['labels.correlation_id'] = message.correlationId;
  if (message?.messageId) info['labels.message_id'] = message.messageId;
  return info;
});
