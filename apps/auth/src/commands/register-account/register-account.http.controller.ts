import { type Cause, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../account-fields';
import { RegisterAccountHandler } from './register-account.handler';
import { registerAccountRequest } from './register-account.request.dto';

export const registerAccount = route({
  method: 'POST',
  path: '/auth/register',
  operationId: 'registerAccount',
  summary: 'Register an account (saga 1)',
  description:
    'The account is PENDING until the user service has made its profile. Poll `Location` (the account id and the saga id) until ACTIVE or REJECTED, then log in.',
  tag: 'auth',
  access: 'public',
  body: registerAccountRequest,
  answers: {
    202: {
      description: 'The sign-up started',
      body: z
        .object({
          accountId: z.uuid(),
          sagaId: z.uuid().describe('Needed, with the account id, to poll the sign-up'),
          status: z.literal('PENDING'),
        })
        .meta({ id: 'Registration' }),
      headers: { location: 'Where to poll: `/api/auth/registrations/{accountId}?sagaId=…`' },
    },
  },
  refusals: [
    {
      status: 409,
      code: 'AUTH.EMAIL_TAKEN',
      when: 'an account with this email already exists',
    },
  ],
});

@Controller()
export class RegisterAccountHttpController {
  constructor(private readonly handler: RegisterAccountHandler) {}

  @Endpoint(registerAccount)
  async register(
    @Req() request: FastifyRequest,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const registration = await this.handler.execute(registerAccount.parse(request).body, cause);
    void reply.header(
      'location',
      `/auth/registrations/${registration.accountId}?sagaId=${registration.sagaId}`,
    );
    return registration;
  }
}
