import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withoutHopByHop } from './hop-by-hop';
import { upstreamRequestHeaders } from './upstream-request-headers';

export interface Relay {
  /** The path on the upstream. */
  readonly path: string;
  readonly timeoutMs: number;
  /** The public path of an upstream path, for a Location the upstream answers with. */
  readonly publicPath: (upstreamPath: string) => string | null;
  /** Instances besides the one tried first: how many retries a safe request may get. */
  readonly otherInstances: number;
}

/** Connection failures: no answer came (refused, or the connection was cut). */
const NO_ANSWER = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A safe request whose connection was refused or cut goes to the next instance (the
 * balanced pool picks another) after a millisecond: read or not, a GET changes nothing.
 * Anything else is answered as it is: a retried POST could apply twice, and a retried
 * timeout doubles the wait.
 */
export function retryPolicy(method: string, retries: number) {
  return ({ err, attempt }: { err?: Error | null; attempt: number }): number | null => {
    const code = (err as { code?: unknown } | null | undefined)?.code;
    const safe = SAFE_METHODS.has(method) && attempt < retries;
    return safe && typeof code === 'string' && NO_ANSWER.has(code) ? 1 : null;
  };
}

/**
 * Sends the request to `path` on the scope's upstream and streams the answer back, headers
 * unchanged but for a `Location`, which `publicPath` turns into one the client can follow
 * through the gateway. Resolves once the upstream answered, whatever its status; rejects
 * only when no answer came (refused or cut connection, timeout): the breaker's failures.
 */
export function relayRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  { path, timeoutMs, publicPath, otherInstances }: Relay,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // A client that hangs up first leaves nothing to answer; reply-from drops the stream.
    reply.raw.once('close', () => resolve());
    reply.from(path, {
      ...bodyOf(request),
      timeout: timeoutMs,
      retriesCount: otherInstances,
      retryDelay: retryPolicy(request.method, otherInstances),
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
