import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller } from '@nestjs/common';
import { z } from 'zod';
import { route } from '../account-fields';
import { CloseAccountHandler } from './close-account.handler';

export const closeAccount = route({
  method: 'POST',
  path: '/auth/accounts/me/close',
  operationId: 'closeAccount',
  summary: 'Close your account (saga 4)',
  description:
    'Closure runs as a saga: `GET /api/auth/accounts/me` shows CLOSING, then CLOSED. Your sessions end at once.',
  tag: 'auth',
  access: 'caller',
  answers: {
    202: {
      description: 'The closure started',
      body: z
        .object({ accountId: z.uuid(), sagaId: z.string(), status: z.literal('CLOSING') })
        .meta({ id: 'AccountClosureStarted' }),
    },
  },
  refusals: [
    { status: 404, code: 'AUTH.ACCOUNT_NOT_FOUND', when: 'no such account' },
    { status: 409, code: 'AUTH.ACCOUNT_NOT_ACTIVE', when: 'the account is not active' },
    { status: 409, code: 'AUTH.ACCOUNT_REJECTED', when: 'the account was rejected' },
    { status: 409, code: 'AUTH.ACCOUNT_CLOSED', when: 'the account is closed' },
    { status: 409, code: 'LOCKED', when: 'a saga holds the account: `details` name it' },
    { status: 409, code: 'CONCURRENCY', when: 'another change to the account won the race' },
  ],
});

@Controller()
export class CloseAccountHttpController {
  constructor(private readonly handler: CloseAccountHandler) {}

  @Endpoint(closeAccount)
  close(@CurrentCaller() caller: Caller, @RequestCause() cause: Cause) {
    return this.handler.execute(caller.accountId, cause);
  }
}
