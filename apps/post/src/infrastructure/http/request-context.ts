import type { Caller } from '@blog/chassis';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Cause } from '../cause';

/** What a request contributes to the messages it causes. */
export interface RequestContext {
  /** The request id: the gateway's `x-request-id` when sane, else a new one (chassis). */
  readonly correlationId: string;
}

export const Correlation = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestContext => ({
    correlationId: context.switchToHttp().getRequest<FastifyRequest>().id,
  }),
);

export function causeOfRequest(request: RequestContext, caller: Caller): Cause {
  return { correlationId: request.correlationId, causationId: null, actor: caller.accountId };
}
