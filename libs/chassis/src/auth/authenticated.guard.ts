import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { AccessTokenVerifier } from './access-token-verifier';
import type { Caller, Role } from './caller';

const PUBLIC = 'auth:public';
const ROLES = 'auth:roles';

/** Opens a route to anonymous callers; everything else needs a valid token. */
export const Public = () => SetMetadata(PUBLIC, true);

/** Restricts a route to callers holding one of the roles (admin routes: `@Roles('admin')`). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

type WithCaller = FastifyRequest & { caller?: Caller };

/** The verified caller of the current request (undefined only on `@Public()` routes). */
export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<WithCaller>().caller,
);

/**
 * Global guard: authentication by default, roles where a route asks for them. Services
 * verify tokens themselves rather than trusting the gateway's word for it. It guards HTTP
 * routes only: inbox handlers take messages from the service's own Kafka, not callers.
 */
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<WithCaller>();
    const optional = this.reflector.getAllAndOverride<boolean>(PUBLIC, targets) ?? false;
    if (optional) {
      if (request.headers.authorization)
        request.caller = await this.verifier.verify(request.headers.authorization);
      return true;
    }
    const caller = await this.verifier.verify(request.headers.authorization);
    request.caller = caller;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.some((role) => caller.roles.includes(role))) {
      throw new AppError('forbidden', 'AUTH.FORBIDDEN', 'This route needs another role');
    }
    return true;
  }
}
