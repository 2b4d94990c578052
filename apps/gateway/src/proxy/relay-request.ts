import type { FastifyReply, FastifyRequest } from 'fastify';
import { withoutHopByHop } from './hop-by-hop';
import { upstreamRequestHeaders } from './upstream-request-headers';

/** The upstream answered 5xx: the answer went to the client, but the breaker judges it. */
export class UpstreamServerError extends Error {
  constructor(readonly status: number) {
    super(`upstream answered ${status}`);
    this.name = 'UpstreamServerError';
  }
}

/**
 * Sends the request to `path` on the scope's upstream and streams the answer back
 * unchanged. Settles once the upstream's status is known, so the breaker can count it.
 */
export function relayRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  timeoutMs: number,
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
      rewriteHeaders: (headers) => withoutHopByHop(headers),
      onError: (_reply, { error }) => reject(error),
      onResponse: (_request, _reply, response) => {
        void reply.send(response.stream);
        if (response.statusCode >= 500) reject(new UpstreamServerError(response.statusCode));
        else resolve();
      },
    });
  });
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
