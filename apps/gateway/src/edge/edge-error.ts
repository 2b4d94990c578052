import { type ErrorBody, errorResponseOf } from '@blog/chassis';
import { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

const logger = new Logger('edge');

/**
 * A refusal only the edge makes. It names its status because the chassis' error kinds
 * stop at 503: rate limits (429) and upstream timeouts (504) exist only here.
 */
export class EdgeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'EdgeError';
  }
}

export function edgeResponseOf(error: unknown): { status: number; body: ErrorBody } {
  if (!(error instanceof EdgeError)) return errorResponseOf(error);
  const body: ErrorBody = { code: error.code, message: error.message };
  if (error.details) body.details = error.details;
  return { status: error.status, body };
}

/**
 * The one error body the gateway answers with, whether the refusal is its own or a
 * library's. Only the generic 500 hides its cause from the client, so that one is logged.
 */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = edgeResponseOf(error);
  if (status >= 500 && body.code === 'INTERNAL') {
    logger.error({ message: 'unhandled error at the edge', error: String(error) });
  }
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
