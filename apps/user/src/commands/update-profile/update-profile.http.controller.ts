import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Body, Controller, Headers, Param, Patch, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProfileByHandleQuery } from '../../queries/profile-by-handle/profile-by-handle.query';
import { UpdateProfileHandler } from './update-profile.handler';
import { handleParam, parseInput } from '../profile-fields';
import { ifMatchHeader, updateProfileRequest } from './update-profile.request.dto';

@Controller('users')
export class UpdateProfileHttpController {
  constructor(
    private readonly handler: UpdateProfileHandler,
    private readonly profiles: ProfileByHandleQuery,
  ) {}

  @Patch(':handle')
  async update(
    @Param('handle') rawHandle: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: unknown,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const handle = parseInput(handleParam, rawHandle, 'handle');
    const expectedVersion = parseInput(ifMatchHeader, ifMatch, 'If-Match header');
    await this.handler.execute(
      {
        handle,
        changes: parseInput(updateProfileRequest, body),
        actor: caller.accountId,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      },
      cause,
    );
    const profile = await this.profiles.execute(handle);
    void reply.header('etag', `"${profile.version}"`);
    return profile;
  }
}
