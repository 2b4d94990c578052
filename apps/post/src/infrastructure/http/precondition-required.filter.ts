import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** An edit without If-Match: the client must say which version it edits (RFC 6585). */
export class PreconditionRequiredError extends Error {
  readonly code = 'POST.PRECONDITION_REQUIRED';
}

/**
 * 428 in the chassis' error body shape; the chassis' AppError kinds have no 428 (see the
 * issue note), so this one status is mapped here.
 */
@Catch(PreconditionRequiredError)
export class PreconditionRequiredFilter implements ExceptionFilter {
  catch(error: PreconditionRequiredError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(428).send({ code: error.code, message: error.message });
  }
}
