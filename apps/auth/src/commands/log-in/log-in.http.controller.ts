import { Public } from '@blog/chassis';
import { Body, Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AUTH_CONFIG, type AuthConfig } from '../../infrastructure/auth-config';
import { clientIpOf } from '../../infrastructure/client-ip';
import { parseInput } from '../account-fields';
import { LogInHandler } from './log-in.handler';
import { logInRequest } from './log-in.request.dto';
import { LoginThrottledFilter } from './login-throttled.filter';

@Controller('auth')
@UseFilters(LoginThrottledFilter)
export class LogInHttpController {
  constructor(
    private readonly handler: LogInHandler,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  logIn(@Body() body: unknown, @Req() request: FastifyRequest) {
    return this.handler.execute(
      parseInput(logInRequest, body),
      clientIpOf(request, this.config.TRUSTED_PROXY_HOPS),
    );
  }
}
