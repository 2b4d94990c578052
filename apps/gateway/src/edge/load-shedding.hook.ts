import type { FastifyInstance } from 'fastify';
import { EdgeError, sendError } from './edge-error';

const isProbe = (url: string) => url.startsWith('/health/') || url === '/metrics';

/**
 * Past `maxInFlight` requests being served at once, the gateway answers 503 OVERLOADED at
 * once instead of queueing: a queue only turns overload into timeouts for everyone and
 * memory that grows with the backlog. Probes pass, so an overloaded gateway is not also
 * reported dead.
 */
export function registerLoadShedding(fastify: FastifyInstance, maxInFlight: number): void {
  let inFlight = 0;
  fastify.addHook('onRequest', async (request, reply) => {
    if (isProbe(request.url)) return;
    if (inFlight >= maxInFlight) {
      reply.header('retry-after', '1');
      sendError(reply, new EdgeError(503, 'OVERLOADED', 'The gateway is at capacity; retry'));
      return reply;
    }
    inFlight += 1;
    // 'close' fires once per response, finished or aborted, so the count cannot leak.
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
  });
}
