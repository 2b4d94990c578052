import type { FastifyInstance } from 'fastify';

/** Past this, reading the rest costs more than a client that misses the 413 is worth. */
export const OVERSIZE_DRAIN_LIMIT_BYTES = 8 * 1_048_576;

/**
 * Fastify answers an oversize body with 413 and `Connection: close` without reading it, so
 * a client still writing gets EPIPE or a reset instead of the 413 (a race that loses more
 * often on a busy machine). When the declared length is within a bound, keep the
 * connection: Node discards the unread body, the client finishes writing and reads the
 * error. An undeclared (chunked) or larger body still closes, so rejecting stays cheap.
 */
export function registerOversizeBodyDrain(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode === 413 && isDrainable(request.headers['content-length'])) {
      reply.removeHeader('connection');
    }
    done(null, payload);
  });
}

function isDrainable(contentLength: string | undefined): boolean {
  const declared = Number(contentLength);
  return Number.isSafeInteger(declared) && declared <= OVERSIZE_DRAIN_LIMIT_BYTES;
}
