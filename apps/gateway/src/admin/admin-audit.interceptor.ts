import type { Caller } from '@blog/chassis';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

/** Every operator action is logged with who did it, before it runs. */
@Injectable()
export class AdminAuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('admin');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    this.logger.log({
      message: 'admin action',
      actor: request.caller?.accountId,
      method: request.method,
      url: request.url,
      requestId: request.headers['x-request-id'],
    });
    return next.handle();
  }
}
