import { randomUUID } from 'node:crypto';
import type { Caller } from '@blog/chassis';
import type { EventContext } from '@blog/eventstore';
import type { FastifyRequest } from 'fastify';

const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Events a request appends carry its request id (the gateway sets one) and trace. */
export function requestContext(request: FastifyRequest, caller: Caller): EventContext {
  const requestId = header(request, 'x-request-id');
  const traceparent = header(request, 'traceparent');
  return {
    correlationId: requestId && SANE_ID.test(requestId) ? requestId : randomUUID(),
    traceparent: traceparent && TRACEPARENT.test(traceparent) ? traceparent : null,
    actor: caller.accountId,
  };
}
