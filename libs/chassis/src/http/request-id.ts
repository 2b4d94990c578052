import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Short and log-safe; anything else is replaced, so a client cannot inject into logs. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's request id when it is short and plain (it lands in logs), else a new UUID. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Every request carries one id (Fastify's `genReqId` is `requestIdOf`). It replaces the
 * header too, so logs, calls to other services and the response header (errors and 404s
 * included) all name the same one.
 */
export function registerRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    request.headers[REQUEST_ID_HEADER] = request.id;
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done(null, payload);
  });
}
