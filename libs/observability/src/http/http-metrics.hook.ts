import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { routeOf } from './route-label';

/** Feeds `http_server_request_duration_seconds` from every response Fastify sends. */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: ServiceMetrics): void {
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    metrics.observeHttpRequest(
      request.method,
      routeOf(request),
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
}
