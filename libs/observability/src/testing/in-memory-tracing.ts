import { context, propagation, trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  type Sampler,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { LocalRootSpanProcessor } from '../tracing/local-root.span-processor';

/**
 * Registers a real tracer provider for one spec file, exporting synchronously to memory.
 * The OpenTelemetry globals outlive a spec file, so they are torn down after it. Without a
 * sampler every span is kept (the SDK's default, ParentBased AlwaysOn).
 */
export function useInMemoryTracing(sampler?: Sampler): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    ...(sampler ? { sampler } : {}),
    spanProcessors: [new LocalRootSpanProcessor(), new SimpleSpanProcessor(exporter)],
  });
  beforeAll(() => {
    provider.register();
  });
  beforeEach(() => exporter.reset());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  return exporter;
}
