import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { MessageContext } from '@blog/contracts';
import type { EventContext } from '@blog/eventstore';
import type { FastifyRequest } from 'fastify';

/** Why a write happens: what every event and outbox message it causes carries. */
export interface CauseContext {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly traceparent: string | null;
  readonly actor: string | null;
}

const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The caller's correlation id when it is a sane one, a fresh one otherwise. */
export function causeOfRequest(request: FastifyRequest): CauseContext {
  const given = header(request, 'x-correlation-id') ?? header(request, 'x-request-id');
  const traceparent = header(request, 'traceparent');
  return {
    correlationId: given && CORRELATION.test(given) ? given : randomUUID(),
    causationId: null,
    traceparent: traceparent && TRACEPARENT.test(traceparent) ? traceparent : null,
    actor: null,
  };
}

/** The request's cause context, for controllers. */
export const RequestCause = createParamDecorator((_: unknown, context: ExecutionContext) =>
  causeOfRequest(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** A reaction to a consumed message continues its correlation and names it as the cause. */
export function causeOfMessage(envelope: {
  messageId: string;
  correlationId: string;
  traceparent: string | null;
}): CauseContext {
  return {
    correlationId: envelope.correlationId,
    causationId: envelope.messageId,
    traceparent: envelope.traceparent,
    actor: 'system:saga',
  };
}

export function eventContextOf(cause: CauseContext, sagaId: string | null): EventContext {
  return { ...cause, sagaId };
}

export function messageContextOf(cause: CauseContext, sagaId: string | null): MessageContext {
  return {
    messageId: randomUUID(),
    correlationId: cause.correlationId,
    causationId: cause.causationId,
    sagaId,
    traceparent: cause.traceparent,
    occurredAt: new Date(),
  };
}
