import { Endpoint } from '@blog/chassis';
import { Id } from '@blog/contracts';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../../commands/account-fields';
import { RegistrationStatusQuery } from './registration-status.query';

const SAGA_ID_NEEDED =
  'required: the sagaId that POST /api/auth/register answered with (also in its Location header)';

export const registrationStatus = route({
  method: 'GET',
  path: '/auth/registrations/:accountId',
  operationId: 'getRegistration',
  summary: 'Poll a sign-up (saga 1)',
  description:
    'Open to anonymous callers, who have no token yet: the account id and the saga id together, both random and given only to the registering client, are the key. Any mismatch is the same 404, and no email or handle is shown.',
  tag: 'auth',
  access: 'public',
  params: z.object({ accountId: Id }),
  query: z.object({
    sagaId: z
      .uuid({ error: (issue) => (issue.input === undefined ? SAGA_ID_NEEDED : undefined) })
      .describe('The sign-up’s saga id, from the answer to `POST /api/auth/register`'),
  }),
  answers: {
    200: {
      description: 'The sign-up’s state',
      body: z
        .object({
          accountId: z.uuid(),
          sagaId: z.uuid(),
          status: z.enum(['PENDING', 'ACTIVE', 'REJECTED', 'CLOSING', 'CLOSED']),
          reason: z.string().optional().describe('Why, when REJECTED'),
        })
        .meta({ id: 'RegistrationStatus' }),
    },
  },
  refusals: [
    {
      status: 404,
      code: 'AUTH.REGISTRATION_NOT_FOUND',
      when: 'no sign-up has this account id and saga id',
    },
  ],
});

@Controller()
export class RegistrationStatusHttpController {
  constructor(private readonly query: RegistrationStatusQuery) {}

  @Endpoint(registrationStatus)
  status(@Req() request: FastifyRequest) {
    const { params, query } = registrationStatus.parse(request);
    return this.query.execute(params.accountId, query.sagaId);
  }
}
