import { Endpoint } from '@blog/chassis';
import { Controller, Inject, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AUTH_CONFIG, type AuthConfig } from '../../infrastructure/auth-config';
import { clientIpOf } from '../../infrastructure/client-ip';
import { sessionView } from '../../tokens/session.view';
import { route } from '../account-fields';
import { LogInHandler } from './log-in.handler';
import { logInRequest } from './log-in.request.dto';
import { LoginThrottledFilter } from './login-throttled.filter';

export const logIn = route({
  method: 'POST',
  path: '/auth/login',
  operationId: 'logIn',
  summary: 'Log in: access and refresh tokens',
  tag: 'auth',
  access: 'public',
  body: logInRequest,
  answers: { 200: { description: 'A new session', body: sessionView } },
  refusals: [
    { status: 401, code: 'AUTH.INVALID_CREDENTIALS', when: 'email or password is incorrect' },
    { status: 403, code: 'AUTH.ACCOUNT_PENDING', when: 'sign-up is still in progress' },
    {
      status: 403,
      code: 'AUTH.ACCOUNT_REJECTED',
      when: 'the sign-up was rejected (`details.reason`)',
    },
    { status: 403, code: 'AUTH.ACCOUNT_CLOSING', when: 'the account is being closed' },
    { status: 403, code: 'AUTH.ACCOUNT_CLOSED', when: 'the account is closed' },
    {
      status: 429,
      code: 'AUTH.THROTTLED',
      when: 'too many failed logins for this email or address; see `Retry-After`',
    },
    { status: 503, code: 'AUTH.BUSY', when: 'too many password checks at once; retry shortly' },
  ],
});

@Controller()
@UseFilters(LoginThrottledFilter)
export class LogInHttpController {
  constructor(
    private readonly handler: LogInHandler,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  @Endpoint(logIn)
  logIn(@Req() request: FastifyRequest) {
    return this.handler.execute(
      logIn.parse(request).body,
      clientIpOf(request, this.config.TRUSTED_PROXY_HOPS),
    );
  }
}
