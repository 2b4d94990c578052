/** What a started SDK needs at the end of the process: flush the spans still batched. */
export interface Tracing {
  shutdown(): Promise<void>;
}

let active: Tracing | null = null;

export function setActiveTracing(tracing: Tracing): void {
  active = tracing;
}

export function activeTracing(): Tracing | null {
  return active;
}

/**
 * Flushes and stops tracing if it was started. Kept apart from start-tracing so the chassis
 * can call it on shutdown without loading the SDK; the batch processor would otherwise drop
 * up to five seconds of spans when the process exits.
 */
export async function shutdownTracing(): Promise<void> {
  const tracing = active;
  active = null;
  await tracing?.shutdown();
}
