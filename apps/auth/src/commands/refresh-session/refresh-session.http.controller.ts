import { Public } from '@blog/chassis';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseInput } from '../account-fields';
import { RefreshSessionHandler } from './refresh-session.handler';
import { refreshSessionRequest } from './refresh-session.request.dto';

@Controller('auth')
export class RefreshSessionHttpController {
  constructor(private readonly handler: RefreshSessionHandler) {}

  @Post('refresh')
  @Public()
  @HttpCode(200)
  refresh(@Body() body: unknown) {
    return this.handler.execute(parseInput(refreshSessionRequest, body).refreshToken);
  }
}
