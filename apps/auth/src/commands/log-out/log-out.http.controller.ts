import { type Caller, CurrentCaller, Endpoint } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { route } from '../account-fields';
import { refreshSessionRequest } from '../refresh-session/refresh-session.request.dto';
import { LogOutHandler } from './log-out.handler';

export const logOut = route({
  method: 'POST',
  path: '/auth/logout',
  operationId: 'logOut',
  summary: 'End your session: revoke its refresh token',
  description:
    'Needs the access token as well: only the session’s owner ends it. Idempotent, and silent about tokens that are not yours.',
  tag: 'auth',
  access: 'caller',
  body: refreshSessionRequest,
  answers: { 204: { description: 'The session is ended' } },
});

@Controller()
export class LogOutHttpController {
  constructor(private readonly handler: LogOutHandler) {}

  @Endpoint(logOut)
  async logOut(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller): Promise<void> {
    await this.handler.execute(caller.accountId, logOut.parse(request).body.refreshToken);
  }
}
