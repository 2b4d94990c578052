import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Short and log-safe; anything else is replaced, so a client cannot inject into logs. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client's id if sane; else the one Fastify generated, when it is a UUID (the chassis
 * generates those, so access logs and this header agree); else a new UUID.
 */
export function requestIdFor(incoming: string | string[] | undefined, generated: string): string {
  if (typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming)) return incoming;
  return incoming === undefined && UUID.test(generated) ? generated : randomUUID();
}

/**
 * Every request carries one id. It replaces Fastify's request id (which takes the header
 * unchecked) and the header itself, so logs, the upstream call and the response header
 * (errors and 404s included) all name the same one.
 */
export function registerRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const id = requestIdFor(request.headers[REQUEST_ID_HEADER], request.id);
    request.id = id;
    request.headers[REQUEST_ID_HEADER] = id;
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done(null, payload);
  });
}
