import { type AccessTokenVerifier, JSON_CONTENT_TYPE } from '@blog/chassis';
import replyFrom from '@fastify/reply-from';
import type {
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
  RouteHandlerMethod,
} from 'fastify';
import { EdgeError, sendError } from '../edge/edge-error';
import type { GatewayConfig } from '../gateway.config';
import {
  isPublic,
  isUnsafePath,
  pathOf,
  publicPathOf,
  upstreamPathOf,
} from '../routing/path-match';
import { type ProxyRoute, ROUTING_TABLE } from '../routing/routing-table';
import { UPSTREAM_NAMES } from '../routing/upstream-names';
import { parseRawBody } from './raw-body.parser';
import { relayRequest } from './relay-request';
import { createUpstreamBreaker } from './upstream-breaker';
import type { UpstreamInstances } from './upstream-instances';
import type { Upstreams } from './upstreams';
import { upstreamFailure } from './upstream-failure';

const METHODS: HTTPMethods[] = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

export interface ProxyOptions {
  readonly config: GatewayConfig;
  readonly verifier: AccessTokenVerifier;
  readonly upstreams: Upstreams;
}

/**
 * The routing table on Fastify: raw bodies, token check before any upstream is called,
 * and one scope per upstream with its own keep-alive pool, timeout and circuit breaker.
 * Encapsulated, so the Nest routes keep their JSON parsing and error filter.
 */
export function proxyPlugin({ config, verifier, upstreams }: ProxyOptions): FastifyPluginAsync {
  return async (proxy) => {
    proxy.removeAllContentTypeParsers();
    proxy.addContentTypeParser(JSON_CONTENT_TYPE, { parseAs: 'buffer' }, parseRawBody);
    proxy.setErrorHandler((error, _request, reply) => sendError(reply, error));
    proxy.addHook('onRequest', async (request) => {
      if (!isPublic(request.method, pathOf(request.url))) {
        await verifier.verify(request.headers.authorization);
      }
    });
    for (const upstream of UPSTREAM_NAMES) {
      const routes = ROUTING_TABLE.filter((route) => route.upstream === upstream);
      if (routes.length === 0) continue;
      await proxy.register(upstreamScope(upstreams.of(upstream), routes, config));
    }
  };
}

function upstreamScope(
  instances: UpstreamInstances,
  routes: readonly ProxyRoute[],
  config: GatewayConfig,
): FastifyPluginAsync {
  return async (scope) => {
    const { upstream } = instances;
    const timeoutMs = config.UPSTREAM_TIMEOUT_MS;
    // The instances' balanced pool: reply-from sends each request through it, so `base`
    // only shapes the URL; the pool picks the instance (and Upstreams closes it).
    await scope.register(replyFrom, {
      base: instances.urls[0],
      disableRequestLogging: true,
      undici: instances.pool,
    });
    const breaker = createUpstreamBreaker(upstream, config);
    const publicPath = (upstreamPath: string) => publicPathOf(routes, upstreamPath);
    scope.addHook('onClose', async () => breaker.shutdown());

    const relayTo =
      (route: ProxyRoute): RouteHandlerMethod =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const path = pathOf(request.url);
        if (isUnsafePath(path)) {
          throw new EdgeError(400, 'MALFORMED_REQUEST', 'The path has dot segments or bad escapes');
        }
        const target = upstreamPathOf(route, path);
        try {
          await breaker.fire(() =>
            relayRequest(request, reply, {
              path: target,
              timeoutMs,
              publicPath,
              otherInstances: instances.urls.length - 1,
            }),
          );
        } catch (error) {
          throw upstreamFailure(upstream, error);
        }
        return reply;
      };

    for (const route of routes) {
      const limit = route.bodyLimitBytes === undefined ? {} : { bodyLimit: route.bodyLimitBytes };
      scope.route({ method: METHODS, url: route.path, handler: relayTo(route), ...limit });
      if (route.subtree) {
        const url = `${route.path}/*`;
        scope.route({ method: METHODS, url, handler: relayTo(route), ...limit });
      }
    }
  };
}
