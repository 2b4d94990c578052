import { Endpoint } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { sessionView } from '../../tokens/session.view';
import { route } from '../account-fields';
import { RefreshSessionHandler } from './refresh-session.handler';
import { REFRESH_REFUSALS, refreshSessionRequest } from './refresh-session.request.dto';

export const refreshSession = route({
  method: 'POST',
  path: '/auth/refresh',
  operationId: 'refreshSession',
  summary: 'Exchange a refresh token for a new session',
  tag: 'auth',
  access: 'public',
  body: refreshSessionRequest,
  answers: {
    200: { description: 'A new access token and the next refresh token', body: sessionView },
  },
  refusals: [
    ...REFRESH_REFUSALS,
    { status: 403, code: 'AUTH.ACCOUNT_CLOSING', when: 'the account is being closed' },
    { status: 403, code: 'AUTH.ACCOUNT_CLOSED', when: 'the account is closed' },
  ],
});

@Controller()
export class RefreshSessionHttpController {
  constructor(private readonly handler: RefreshSessionHandler) {}

  @Endpoint(refreshSession)
  refresh(@Req() request: FastifyRequest) {
    return this.handler.execute(refreshSession.parse(request).body.refreshToken);
  }
}
