import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { LoginThrottledError } from '../../infrastructure/login-throttle';

/**
 * 429 with Retry-After. The chassis' error kinds have no 429 yet, so this route answers
 * it itself, in the same `{ code, message, details }` body as every other refusal.
 */
@Catch(LoginThrottledError)
export class LoginThrottledFilter implements ExceptionFilter {
  catch(error: LoginThrottledError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(429)
      .header('retry-after', String(error.retryAfterSeconds))
      .send({
        code: error.code,
        message: error.message,
        details: { retryAfterSeconds: error.retryAfterSeconds },
      });
  }
}
