import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { withoutHopByHop } from './hop-by-hop';

/**
 * What an upstream sees: the client's headers (Authorization included: services verify
 * tokens themselves), minus hop-by-hop ones, plus where the request came from. The
 * request id and traceparent are already among the client's headers.
 */
export function upstreamRequestHeaders(
  request: FastifyRequest,
  headers: IncomingHttpHeaders,
): IncomingHttpHeaders {
  const forwarded = withoutHopByHop(headers);
  const chain = request.headers['x-forwarded-for'];
  forwarded['x-forwarded-for'] = [chain, request.ip].filter(Boolean).join(', ');
  forwarded['x-forwarded-proto'] = request.protocol;
  if (request.headers.host) forwarded['x-forwarded-host'] = request.headers.host;
  return forwarded;
}
