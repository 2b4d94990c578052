import FastifyOtelInstrumentation from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { isProbeRoute } from '../http/route-label';
import { dropForwardedTraceContext } from './forwarded-trace-context';
import { LocalRootSpanProcessor } from './local-root.span-processor';
import { nameRequestSpan } from './request-span';
import { samplerFromEnv } from './sampler-from-env';
import { activeTracing, setActiveTracing, type Tracing } from './tracing-lifecycle';

export const DEFAULT_OTLP_ENDPOINT = 'http://127.0.0.1:4318';

export interface TracingOptions {
  readonly serviceName: string;
  readonly serviceVersion: string;
  /** OTLP/HTTP base URL; defaults to OTEL_EXPORTER_OTLP_ENDPOINT, then the local collector. */
  readonly otlpEndpoint?: string;
  /** Replaces the OTLP exporter (tests, benchmarks). */
  readonly exporter?: SpanExporter;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Starts the OpenTelemetry SDK. Must run before pg, fastify and Nest are loaded: the
 * instrumentations patch modules as they are first required. Returns null when
 * OTEL_SDK_DISABLED=true; a second call returns the running instance.
 */
export function startTracing(options: TracingOptions): Tracing | null {
  const env = options.env ?? process.env;
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return null;
  const running = activeTracing();
  if (running) return running;
  // Read first: a bad TRACE_READ_SAMPLE_RATIO stops the start before anything is patched.
  const sampler = samplerFromEnv(env);

  const endpoint = (
    options.otlpEndpoint ??
    env['OTEL_EXPORTER_OTLP_ENDPOINT'] ??
    DEFAULT_OTLP_ENDPOINT
  ).replace(/\/+$/, '');
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: `${endpoint}/v1/traces` });
  // The tracer provider and instrumentations alone, not NodeSDK: that also loads the gRPC,
  // protobuf, Zipkin and Prometheus exporters and the metrics and logs SDKs, ~180 modules
  // and ~9 MB of RSS per service that traces-over-OTLP/HTTP never uses.
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      [ATTR_SERVICE_VERSION]: options.serviceVersion,
    }),
    // Undefined when OTEL_TRACES_SAMPLER is set: the SDK then builds that one from process.env.
    ...(sampler ? { sampler } : {}),
    spanProcessors: [new LocalRootSpanProcessor(), new BatchSpanProcessor(exporter)],
  });
  // Global tracer provider, AsyncLocalStorage context manager and W3C propagation.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const disableInstrumentations = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: instrumentations(),
  });
  const tracing: Tracing = {
    shutdown: async () => {
      disableInstrumentations();
      await provider.shutdown();
    },
  };
  setActiveTracing(tracing);
  return tracing;
}

/**
 * Individual instrumentations instead of the auto-instrumentations bundle, which loads some
 * forty modules at start-up. Outgoing calls and queries are only traced inside a trace, so
 * migrations and pool pings do not each become a one-span trace.
 *
 * Two spans per request at most where there were four: @fastify/otel's request span is the
 * server span (it continues a caller's traceparent itself), without a child per handler, and
 * there is no http instrumentation. Every service and the gateway serve HTTP through Fastify
 * and call out through undici, so the http instrumentation only added a second server span
 * around the same request, and it was the dearest one: on a bare Fastify route, 68 µs of CPU
 * per request untraced, 239 µs with both server spans and the handler span, 128 µs with the
 * request span alone (bench/RESULTS.md, 2026-12-03). pg's pool checkouts are not spans either:
 * each query is.
 *
 * No kafkajs instrumentation: the consumer span of withConsumerSpan is the one `process`
 * span per handled message. The instrumentation would add a second CONSUMER span around it,
 * and one more (with its pg spans) for every record each consumer group reads and ignores,
 * so a sign-up trace had ~150 spans instead of ~45, most of them no-ops. Nothing here
 * produces to Kafka on a request path (the outbox does), so its producer spans are not
 * missed.
 */
function instrumentations() {
  return [
    // Node's fetch and the gateway's proxy are undici.
    new UndiciInstrumentation({
      requireParentforSpans: true,
      requestHook: dropForwardedTraceContext,
    }),
    new FastifyOtelInstrumentation({
      registerOnInitialization: true,
      // Probes and scrapes get no span at all, so they never reach the sampler either.
      ignorePaths: (route) => isProbeRoute(pathOf(route.url)),
      // A span per lifecycle hook or handler adds cost without telling us anything the
      // request span does not.
      instrumentHooks: false,
      instrumentHandler: false,
      requestHook: nameRequestSpan,
    }),
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
  ];
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?', 1)[0] ?? '/';
}
