import { z } from 'zod';

/**
 * Reads traces back from Jaeger's query service (infra/local/jaeger). The `/api/traces`
 * JSON API (the one Jaeger's UI uses) rather than `/api/v3`: in this Jaeger version only
 * the former can search by span attribute, and a saga id is how a spec finds its trace.
 */
export const JAEGER_QUERY_URL = process.env['JAEGER_QUERY_URL'] ?? 'http://127.0.0.1:16686';

const tag = z.object({
  key: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
});

const span = z.object({
  traceID: z.string(),
  spanID: z.string(),
  operationName: z.string(),
  references: z
    .array(z.object({ refType: z.string(), traceID: z.string(), spanID: z.string() }))
    .default([]),
  processID: z.string(),
  /** Microseconds since the epoch. */
  startTime: z.number(),
  tags: z.array(tag).default([]),
});

const trace = z.object({
  traceID: z.string(),
  spans: z.array(span),
  processes: z.record(z.string(), z.object({ serviceName: z.string() })),
});

const answer = z.object({ data: z.array(trace).nullable() });

export type JaegerTrace = z.infer<typeof trace>;
export type JaegerSpan = z.infer<typeof span>;

export interface TraceSearch {
  readonly service: string;
  /** Span attributes every found trace has on one of its spans, e.g. `{ 'blog.saga.id': id }`. */
  readonly tags: Readonly<Record<string, string>>;
  /** How far back to look; Jaeger's own default is one hour. */
  readonly lookback?: '1h' | '15m' | '5m';
  readonly limit?: number;
}

async function query(path: string): Promise<JaegerTrace[]> {
  const response = await fetch(`${JAEGER_QUERY_URL}${path}`, {
    signal: AbortSignal.timeout(10_000),
  });
  // Jaeger answers 404 for a trace id it does not (yet) hold: not an error for a poller.
  if (response.status === 404) return [];
  if (!response.ok) {
    throw new Error(`Jaeger ${path} answered ${response.status}: ${await response.text()}`);
  }
  return answer.parse(await response.json()).data ?? [];
}

export function findTraces(search: TraceSearch): Promise<JaegerTrace[]> {
  const params = new URLSearchParams({
    service: search.service,
    tags: JSON.stringify(search.tags),
    lookback: search.lookback ?? '1h',
    limit: String(search.limit ?? 20),
  });
  return query(`/api/traces?${params.toString()}`);
}

export async function getTrace(traceId: string): Promise<JaegerTrace | null> {
  const [found] = await query(`/api/traces/${encodeURIComponent(traceId)}`);
  return found ?? null;
}
