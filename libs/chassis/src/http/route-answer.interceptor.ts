import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { primaryStatusOf, ROUTE_METADATA, type Route, type SuccessStatus } from './route';

/** A handler answered with a body its route does not document: a bug, answered as a 500. */
export class UndocumentedAnswerError extends Error {
  constructor(operationId: string, status: number, issues: string) {
    super(`${operationId} answered ${status} with a body its route does not document: ${issues}`);
    this.name = 'UndocumentedAnswerError';
  }
}

/**
 * Every answer of a declared route leaves through its documented schema: parsed (members the
 * schema does not name are dropped), or a 500 naming the route when it does not fit. So the
 * document cannot promise less than a service sends, nor a service send what it does not say.
 */
@Injectable()
export class RouteAnswerInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<Route | undefined>(ROUTE_METADATA, context.getHandler());
    if (context.getType() !== 'http' || route === undefined) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const declared = route.answers[reply.statusCode as SuccessStatus];
        const status = declared ? reply.statusCode : primaryStatusOf(route);
        const schema = (declared ?? route.answers[primaryStatusOf(route)])?.body;
        if (schema === undefined) {
          if (body === undefined || body === null) return body;
          throw new UndocumentedAnswerError(route.operationId, status, 'no body is documented');
        }
        const parsed = schema.safeParse(body);
        if (parsed.success) return parsed.data;
        throw new UndocumentedAnswerError(
          route.operationId,
          status,
          parsed.error.issues
            .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
            .join('; '),
        );
      }),
    );
  }
}
