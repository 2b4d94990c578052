import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'winston';
import { DATASET } from '../logging/ecs-context.format';
import { isProbeRoute, routeOf } from './route-label';

export interface AccessLogOptions {
  /** Routes logged at debug instead of info; defaults to health and metrics. */
  readonly quiet?: (route: string) => boolean;
}

/**
 * One `<service>.access` line per response. Only method, route, status, timing and ids:
 * headers and bodies carry credentials and personal data, so they are never read here.
 */
export function registerAccessLog(
  fastify: FastifyInstance,
  logger: Logger,
  options: AccessLogOptions = {},
): void {
  const access = logger.child({ [DATASET]: 'access' });
  const quiet = options.quiet ?? isProbeRoute;
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = routeOf(request);
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    const level = quiet(route) ? 'debug' : status >= 500 ? 'warn' : 'info';
    access.log(level, `${request.method} ${route} ${status} ${ms.toFixed(1)}ms`, {
      'http.request.method': request.method,
      'http.request.id': request.id,
      'http.route': route,
      'http.response.status_code': status,
      'url.path': pathOnly(request.url),
      // ECS durations are nanoseconds.
      'event.duration': Math.round(ms * 1e6),
    });
  });
}

/** The query string can hold tokens (`?token=`), so only the path is logged. */
function pathOnly(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
