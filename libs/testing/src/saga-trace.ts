import { findTraces } from './jaeger-query';
import { TraceView } from './trace-view';

/** Consumer spans carry the saga id (libs/observability consumer-span): how a trace is found. */
export const SAGA_ID_ATTRIBUTE = 'blog.saga.id';

export interface SagaTraceOptions {
  /** A service whose consumer spans handled a message of the saga. */
  readonly service: string;
  /** True once every span the spec needs has arrived. */
  readonly complete: (trace: TraceView) => boolean;
  readonly timeoutMs?: number;
}

/**
 * The ids of every trace in Jaeger with a span of `service` carrying the saga id. A saga
 * that kept its trace across Kafka has exactly one.
 */
export async function traceIdsOfSaga(sagaId: string, service: string): Promise<string[]> {
  const traces = await findTraces({ service, tags: { [SAGA_ID_ATTRIBUTE]: sagaId } });
  return [...new Set(traces.map((trace) => trace.traceID))];
}

/**
 * Polls Jaeger for the trace of a saga until `complete` holds or the time is up, and
 * returns the last trace seen either way (null if none), so the spec's assertions say
 * what was missing. Spans arrive late and out of order: each service batches its exports
 * (up to five seconds) and a trace spans several services.
 */
export async function sagaTrace(
  sagaId: string,
  options: SagaTraceOptions,
): Promise<TraceView | null> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: TraceView | null = null;
  for (;;) {
    const [found] = await findTraces({
      service: options.service,
      tags: { [SAGA_ID_ATTRIBUTE]: sagaId },
    });
    if (found) last = new TraceView(found);
    if ((last && options.complete(last)) || Date.now() > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
