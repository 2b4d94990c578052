import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { CloseAccountHandler } from './close-account.handler';

/** 202: closure runs as a saga; `GET /auth/accounts/me` shows CLOSING, then CLOSED. */
@Controller('auth/accounts')
export class CloseAccountHttpController {
  constructor(private readonly handler: CloseAccountHandler) {}

  @Post('me/close')
  @HttpCode(202)
  close(@CurrentCaller() caller: Caller, @RequestCause() cause: Cause) {
    return this.handler.execute(caller.accountId, cause);
  }
}
