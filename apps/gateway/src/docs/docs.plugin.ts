import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { sendError } from '../edge/edge-error';
import { asyncApiPlugin } from './asyncapi.plugin';
import type { OpenApiDocument } from './openapi-document';

/**
 * Swagger UI at `/docs`, the document at `/docs/json` (and `/docs/yaml`); the messages'
 * AsyncAPI document at `/docs/asyncapi` (and `/json`, `/yaml`).
 */
export function docsPlugin(document: OpenApiDocument): FastifyPluginAsync {
  return async (docs) => {
    docs.setErrorHandler((error, _request, reply) => sendError(reply, error));
    await docs.register(swagger, { mode: 'static', specification: { document } });
    await docs.register(swaggerUi, { routePrefix: '/docs' });
    await docs.register(asyncApiPlugin());
  };
}
