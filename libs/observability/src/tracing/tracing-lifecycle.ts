/** What a started SDK needs at the end of the process: flush the spans still batched. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Kept on the global object, not in this module: a bundled service runs tracing from its own
 * bundle (dist/bundle/tracing.js), so the SDK that starts tracing and the chassis that stops
 * it hold separate copies of this module.
 */
const ACTIVE = Symbol.for('blog.observability.active-tracing');
const registry = globalThis as { [ACTIVE]?: Tracing | null };

export function setActiveTracing(tracing: Tracing): void {
  registry[ACTIVE] = tracing;
}

export function activeTracing(): Tracing | null {
  return registry[ACTIVE] ?? null;
}

/**
 * Flushes and stops tracing if it was started. Kept apart from start-tracing so the chassis
 * can call it on shutdown without loading the SDK; the batch processor would otherwise drop
 * up to five seconds of spans when the process exits.
 */
export async function shutdownTracing(): Promise<void> {
  const tracing = activeTracing();
  registry[ACTIVE] = null;
  await tracing?.shutdown();
}
