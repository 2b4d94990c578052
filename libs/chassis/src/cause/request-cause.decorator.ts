import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller';
import { type Cause, causeOfRequest } from './cause';

/**
 * The request's cause, for controllers: correlated by the request id (so every message the
 * request causes carries it), the verified caller as actor (null on an anonymous request).
 */
export const RequestCause = createParamDecorator((_: unknown, context: ExecutionContext): Cause => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
  return causeOfRequest(request.id, request.caller?.accountId ?? null);
});
