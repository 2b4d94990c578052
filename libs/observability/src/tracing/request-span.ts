import type { Span } from '@opentelemetry/api';
import { ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';

/** The parts of a Fastify request its span is named from. */
export interface RoutedRequest {
  readonly method: string;
  readonly url: string;
  readonly routeOptions: { readonly url?: string | undefined };
}

/**
 * @fastify/otel's request span is each request's server span: there is no http
 * instrumentation under it, which doubled the tracing cost of a request. It names its
 * spans `request`; this gives them the semantic-convention name (`GET /posts/:id`, the
 * method alone when no route matched) and keeps the query string, which may carry
 * anything a client typed, out of `url.path`.
 */
export function nameRequestSpan(span: Span, request: RoutedRequest): void {
  const route = request.routeOptions.url;
  span.updateName(route ? `${request.method} ${route}` : request.method);
  const queryAt = request.url.indexOf('?');
  if (queryAt >= 0) span.setAttribute(ATTR_URL_PATH, request.url.slice(0, queryAt));
}
