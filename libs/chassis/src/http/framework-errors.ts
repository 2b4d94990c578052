import { randomUUID } from 'node:crypto';
import { type Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyHttpOptions } from 'fastify';
import type { ErrorBody } from '../errors/error-body.filter';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

/** What Fastify refuses before any route, hook or error handler of ours runs. */
const ROUTER_REFUSALS: Readonly<Record<string, { status: number; body: ErrorBody }>> = {
  FST_ERR_BAD_URL: {
    status: 400,
    body: { code: 'MALFORMED_REQUEST', message: 'The URL has a malformed percent-escape' },
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    body: { code: 'URI_TOO_LONG', message: 'A path segment is longer than any id or handle' },
  },
};

const INTERNAL = { status: 500, body: { code: 'INTERNAL', message: 'Internal error' } } as const;

function answerRouterRefusal(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const code = (error as { code?: string }).code ?? '';
  const { status, body } = ROUTER_REFUSALS[code] ?? INTERNAL;
  void reply
    .code(status)
    .header(REQUEST_ID_HEADER, request.id)
    .type('application/json; charset=utf-8')
    .send(body);
}

/** Node's HTTP parser refused the request (bad header bytes, too large, too slow). */
function clientRefusalOf(error: NodeJS.ErrnoException): { status: number; body: ErrorBody } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, body: { code: 'REQUEST_TIMEOUT', message: 'The request was too slow' } };
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const message = 'The request headers are too large';
    return { status: 431, body: { code: 'HEADERS_TOO_LARGE', message } };
  }
  return {
    status: 400,
    body: { code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP' },
  };
}

/**
 * Answers on the bare socket, as Node does, since no request object exists yet; with the
 * error body and a request id like every other answer, so a client and a log can name it.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, body } = clientRefusalOf(error);
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        `${REQUEST_ID_HEADER}: ${randomUUID()}\r\n` +
        'Connection: close\r\n\r\n' +
        text,
    );
  }
  socket.destroy(error);
}

/**
 * Fastify options every service starts with, so the answers Fastify and Node make before a
 * route runs carry the same `{ code, message }` body and `x-request-id` as every other.
 */
export const frameworkErrorOptions = {
  // Node answers a Host-less HTTP/1.1 request itself, with no body or id; the chassis'
  // hook below refuses it instead (RFC 9112 §3.2 asks for a 400 either way).
  http: { requireHostHeader: false },
  requestIdHeader: false,
  genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
    requestIdOf(request.headers[REQUEST_ID_HEADER]),
  frameworkErrors: answerRouterRefusal,
  clientErrorHandler: answerClientError,
} satisfies FastifyHttpOptions<Server>;

/** An HTTP/1.1 request must name its host; refused with the error body like the rest. */
export function registerHostRequired(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.raw.httpVersion !== '1.1' || request.headers.host !== undefined) return done();
    const body: ErrorBody = { code: 'MALFORMED_REQUEST', message: 'HTTP/1.1 needs a Host header' };
    void reply.code(400).type('application/json; charset=utf-8').send(body);
  });
}
