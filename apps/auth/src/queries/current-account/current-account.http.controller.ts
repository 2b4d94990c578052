import { type Caller, CurrentCaller } from '@blog/chassis';
import { Controller, Get } from '@nestjs/common';
import { CurrentAccountQuery } from './current-account.query';

@Controller('auth/accounts')
export class CurrentAccountHttpController {
  constructor(private readonly query: CurrentAccountQuery) {}

  @Get('me')
  me(@CurrentCaller() caller: Caller) {
    return this.query.execute(caller.accountId);
  }
}
