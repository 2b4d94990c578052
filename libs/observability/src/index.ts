// Tracing is started from `@blog/observability/tracing.register` (or
// `@blog/observability/tracing/start-tracing`), never from here: this entry loads Nest, and
// whatever loads before the SDK starts is not instrumented.
export { registerAccessLog, type AccessLogOptions } from './http/access-log.hook';
export { registerHttpMetrics } from './http/http-metrics.hook';
export { isProbeRoute } from './http/route-label';
export {
  createLogger,
  LOG_LEVELS,
  type Logger,
  type LoggerOptions,
  type LogLevelName,
} from './logging/create-logger';
export {
  currentMessageContext,
  type MessageContext,
  withMessageContext,
} from './logging/message-context';
export { NestLoggerAdapter } from './logging/nest-logger.adapter';
export { isSecretKey, redact, redactText, REDACTED } from './logging/redaction';
export { MetricsController } from './metrics/metrics.controller';
export { MetricsModule } from './metrics/metrics.module';
export { metrics } from './metrics/process-metrics';
export {
  type ConsumerOutcome,
  type SagaOutcome,
  ServiceMetrics,
  type ServiceMetricsOptions,
} from './metrics/service-metrics';
export { type TracedEnvelope, withConsumerSpan } from './tracing/consumer-span';
export { currentTraceparent, formatTraceparent, parseTraceparent } from './tracing/traceparent';
export { shutdownTracing, type Tracing } from './tracing/tracing-lifecycle';
