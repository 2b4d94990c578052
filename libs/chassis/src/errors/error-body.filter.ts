import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { JSON_ONLY_MESSAGE } from '../http/json-body';
import { AppError, HTTP_STATUS_OF } from './app-error';

export interface ErrorBody {
  code: string;
  message: string;
  details?: Readonly<Record<string, unknown>>;
}

interface CodedError {
  code: string;
  message: string;
}

const isCoded = (error: unknown): error is CodedError =>
  error instanceof Error && typeof (error as Partial<CodedError>).code === 'string';

/** Terminus' readiness report names the failing component: operators need it verbatim. */
const isHealthReport = (response: unknown) =>
  typeof response === 'object' &&
  response !== null &&
  'status' in response &&
  'details' in response;

/** A content type no parser takes, whether Fastify's error says so or Nest's wrapper of it. */
const UNSUPPORTED_MEDIA_TYPE = {
  status: 415,
  body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: JSON_ONLY_MESSAGE },
} as const;

/**
 * The codes of Nest's own refusals (an unknown route, a method it does not serve): the same
 * documented codes as the chassis' other refusals, never one made up from the status.
 */
const FRAMEWORK_CODES: Readonly<Record<number, string>> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
};

/** Known shapes of errors thrown by libraries, with the status they deserve. */
function toResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    return { status: HTTP_STATUS_OF[error.kind], body };
  }
  if (isCoded(error) && error.code === 'EVENTSTORE.CONCURRENCY') {
    return { status: 409, body: { code: 'CONCURRENCY', message: error.message } };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (isHealthReport(response)) return { status, body: response as unknown as ErrorBody };
    // Nest wraps Fastify's own refusals (a content type no parser takes) the same way.
    if (status === 415) {
      return UNSUPPORTED_MEDIA_TYPE;
    }
    return {
      status,
      body: { code: FRAMEWORK_CODES[status] ?? 'MALFORMED_REQUEST', message: error.message },
    };
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    // Fastify's own refusals: body too large, a content type no parser takes, bad framing.
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return UNSUPPORTED_MEDIA_TYPE;
    }
    const code = fastifyError.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST';
    return {
      status: fastifyError.statusCode,
      body: { code, message: fastifyError.message ?? code },
    };
  }
  if (isDatabaseUnavailable(error)) {
    // One transaction per command: nothing of it was written, or (connection lost during
    // COMMIT) all of it was. Never half, so the client can look and retry.
    const message = 'The service cannot reach its database; retry later';
    return { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'Internal error' } };
}

/** Every error leaves a service as `{ code, message, details? }` with the right status. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  constructor(private readonly logger?: { error(message: string, meta?: object): unknown }) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = toResponse(error);
    if (status >= 500 && status !== 503) {
      // The client sees a generic body; operators need the cause.
      this.logger?.error('unhandled error', {
        err: error instanceof Error ? error : new Error(String(error)),
      });
    }
    if (status === 503) void reply.header('retry-after', '1');
    void reply.status(status).send(body);
  }
}

export { toResponse as errorResponseOf };
