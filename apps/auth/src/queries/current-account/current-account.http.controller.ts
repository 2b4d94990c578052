import { type Caller, CurrentCaller, Endpoint } from '@blog/chassis';
import { Controller } from '@nestjs/common';
import { z } from 'zod';
import { route } from '../../commands/account-fields';
import { CurrentAccountQuery } from './current-account.query';

export const currentAccount = route({
  method: 'GET',
  path: '/auth/accounts/me',
  operationId: 'getMyAccount',
  summary: 'Your account',
  tag: 'auth',
  access: 'caller',
  answers: {
    200: {
      description: 'Your account, with the saga of a running closure',
      body: z
        .object({
          accountId: z.uuid(),
          email: z.email(),
          roles: z.array(z.enum(['user', 'admin'])),
          status: z.enum(['PENDING', 'ACTIVE', 'REJECTED', 'CLOSING', 'CLOSED']),
          rejectionReason: z.string().nullable(),
          signUpSagaId: z.string(),
          closureSagaId: z.string().nullable(),
        })
        .meta({ id: 'Account' }),
    },
  },
  refusals: [{ status: 404, code: 'AUTH.ACCOUNT_NOT_FOUND', when: 'no such account' }],
});

@Controller()
export class CurrentAccountHttpController {
  constructor(private readonly query: CurrentAccountQuery) {}

  @Endpoint(currentAccount)
  me(@CurrentCaller() caller: Caller) {
    return this.query.execute(caller.accountId);
  }
}
