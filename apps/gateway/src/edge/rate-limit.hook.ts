import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../gateway.config';
import { pathOf } from '../routing/path-match';
import { EdgeError, sendError } from './edge-error';

/** Credential endpoints get their own, stricter budget: they are what guessing attacks hit. */
const CREDENTIAL_PATHS = new Set(['/api/auth/login', '/api/auth/register', '/api/auth/refresh']);

/** Probes come from the orchestrator's address, often and on purpose. */
const isProbe = (path: string) => path.startsWith('/health/');

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Per client address: a budget for everything, and a stricter one for the credential
 * endpoints. Counters live in this process, so each gateway instance limits on its own.
 */
export async function registerRateLimits(
  fastify: FastifyInstance,
  config: GatewayConfig,
): Promise<void> {
  await fastify.register(rateLimit, { global: false });
  const everything = fastify.createRateLimit({
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
  });
  const credentials = fastify.createRateLimit({
    max: config.AUTH_RATE_LIMIT_MAX,
    timeWindow: config.AUTH_RATE_LIMIT_WINDOW_MS,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    if (isProbe(path)) return;
    if (await refused(everything, request, reply)) return reply;
    if (CREDENTIAL_PATHS.has(path) && (await refused(credentials, request, reply))) return reply;
  });
}

async function refused(
  limiter: Limiter,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const state = await limiter(request);
  if (state.isAllowed || !state.isExceeded) return false;
  const retryAfterSeconds = Math.max(1, state.ttlInSeconds);
  reply.header('retry-after', String(retryAfterSeconds));
  reply.header('x-ratelimit-limit', String(state.max));
  reply.header('x-ratelimit-remaining', '0');
  sendError(
    reply,
    new EdgeError(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    }),
  );
  return true;
}
