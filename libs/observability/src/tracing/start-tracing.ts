import FastifyOtelInstrumentation from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
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
 * probes, migrations and pool pings do not each become a one-span trace.
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
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => isProbeRoute(pathOf(request.url)),
      requireParentforOutgoingSpans: true,
    }),
    // Node's fetch and the gateway's proxy are undici, which the http instrumentation does
    // not see.
    new UndiciInstrumentation({
      requireParentforSpans: true,
      requestHook: dropForwardedTraceContext,
    }),
    new FastifyOtelInstrumentation({
      registerOnInitialization: true,
      ignorePaths: (route) => isProbeRoute(route.url),
      // A span per lifecycle hook adds noise and cost without telling us anything.
      instrumentHooks: false,
    }),
    new PgInstrumentation({ requireParentSpan: true }),
  ];
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?', 1)[0] ?? '/';
}
