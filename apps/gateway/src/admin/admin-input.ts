import type { FastifyRequest } from 'fastify';
import type { InternalCall } from '../infrastructure/internal-api.client';

/** The operator's credentials and request id, passed on to every service the gateway asks. */
export function operatorCallOf(request: FastifyRequest): Omit<InternalCall, 'method' | 'path'> {
  const requestId = request.headers['x-request-id'];
  return {
    authorization: request.headers.authorization ?? '',
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
}
