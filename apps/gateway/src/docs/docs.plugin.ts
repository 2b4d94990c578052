import swagger, { type StaticDocumentSpec } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { sendError } from '../edge/edge-error';
import type { JsonObject } from '@blog/chassis';
import { asyncApiPlugin } from './asyncapi.plugin';

/**
 * Swagger UI at `/docs`, the document at `/docs/json` (and `/docs/yaml`); the messages'
 * AsyncAPI document at `/docs/asyncapi` (and `/json`, `/yaml`).
 */
export function docsPlugin(document: JsonObject): FastifyPluginAsync {
  return async (docs) => {
    docs.setErrorHandler((error, _request, reply) => sendError(reply, error));
    // The committed document (docs/api.md), served as it is: @fastify/swagger's types stop at 3.0.
    const specification = { document } as unknown as StaticDocumentSpec;
    await docs.register(swagger, { mode: 'static', specification });
    await docs.register(swaggerUi, { routePrefix: '/docs' });
    await docs.register(asyncApiPlugin());
  };
}
