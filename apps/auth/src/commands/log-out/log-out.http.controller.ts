import { type Caller, CurrentCaller } from '@blog/chassis';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseInput } from '../account-fields';
import { refreshSessionRequest } from '../refresh-session/refresh-session.request.dto';
import { LogOutHandler } from './log-out.handler';

/** Needs the access token as well: only the session's owner ends it. */
@Controller('auth')
export class LogOutHttpController {
  constructor(private readonly handler: LogOutHandler) {}

  @Post('logout')
  @HttpCode(204)
  async logOut(@Body() body: unknown, @CurrentCaller() caller: Caller): Promise<void> {
    await this.handler.execute(
      caller.accountId,
      parseInput(refreshSessionRequest, body).refreshToken,
    );
  }
}
