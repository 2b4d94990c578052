import type { FastifyRequest } from 'fastify';

/** Requests no route matched share one label: raw URLs would explode label cardinality. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The route template (`/posts/:id`), never the concrete path. */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? UNMATCHED_ROUTE;
}

/** Probes and scrapes arrive every few seconds; at info they would drown the real traffic. */
export function isProbeRoute(route: string): boolean {
  return route === '/metrics' || route === '/health' || route.startsWith('/health/');
}
