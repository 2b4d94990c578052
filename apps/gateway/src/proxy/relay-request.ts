import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withoutHopByHop } from './hop-by-hop';
import { upstreamRequestHeaders } from './upstream-request-headers';

/**
 * Sends the request to `path` on the scope's upstream and streams the answer back, headers
 * unchanged but for a `Location`, which `publicPath` turns into one the client can follow
 * through the gateway. Resolves once the upstream answered, whatever its status; rejects
 * only when no answer came (refused or cut connection, timeout): the breaker's failures.
 */
export function relayRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  timeoutMs: number,
  publicPath: (upstreamPath: string) => string | null,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // A client that hangs up first leaves nothing to answer; reply-from drops the stream.
    reply.raw.once('close', () => resolve());
    reply.from(path, {
      ...bodyOf(request),
      timeout: timeoutMs,
      // A retried POST could apply twice, and a retried GET doubles the wait.
      retryDelay: () => null,
      rewriteRequestHeaders: (_request, headers) => upstreamRequestHeaders(request, headers),
      rewriteHeaders: (headers) => withPublicLocation(withoutHopByHop(headers), publicPath),
      onError: (_reply, { error }) => reject(error),
      onResponse: (_request, _reply, response) => {
        void reply.send(response.stream);
        resolve();
      },
    });
  });
}

function withPublicLocation(
  headers: IncomingHttpHeaders,
  publicPath: (upstreamPath: string) => string | null,
): IncomingHttpHeaders {
  const location = headers.location;
  if (typeof location !== 'string') return headers;
  return { ...headers, location: publicPath(location) ?? location };
}

function bodyOf(request: FastifyRequest): { body?: Buffer; contentType?: string } {
  if (!Buffer.isBuffer(request.body) || request.method === 'GET' || request.method === 'HEAD') {
    return {};
  }
  return {
    body: request.body,
    contentType: request.headers['content-type'] ?? 'application/octet-stream',
  };
}
