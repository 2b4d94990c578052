import { type Cause, Public, RequestCause } from '@blog/chassis';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput } from '../account-fields';
import { RegisterAccountHandler } from './register-account.handler';
import { registerAccountRequest } from './register-account.request.dto';

/** Sign-up: 202, the account is PENDING until the user service answers; poll its status. */
@Controller('auth')
export class RegisterAccountHttpController {
  constructor(private readonly handler: RegisterAccountHandler) {}

  @Post('register')
  @Public()
  @HttpCode(202)
  async register(
    @Body() body: unknown,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const registration = await this.handler.execute(
      parseInput(registerAccountRequest, body),
      cause,
    );
    void reply.header(
      'location',
      `/auth/registrations/${registration.accountId}?sagaId=${registration.sagaId}`,
    );
    return registration;
  }
}
