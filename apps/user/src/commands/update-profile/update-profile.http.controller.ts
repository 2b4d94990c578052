import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { USER_NOT_FOUND } from '../../queries/profile-by-handle/profile-by-handle.http.controller';
import {
  ProfileByHandleQuery,
  profileView,
} from '../../queries/profile-by-handle/profile-by-handle.query';
import { UpdateProfileHandler } from './update-profile.handler';
import { handleParams, route } from '../profile-fields';
import { ifMatchHeader, updateProfileRequest } from './update-profile.request.dto';

export const updateProfile = route({
  method: 'PATCH',
  path: '/users/:handle',
  operationId: 'updateProfile',
  summary: 'Edit your profile',
  tag: 'users',
  access: 'caller',
  params: handleParams,
  headers: z.object({ 'if-match': ifMatchHeader }),
  body: updateProfileRequest,
  answers: {
    200: {
      description: 'The profile as edited',
      body: profileView,
      headers: { etag: 'The profile’s new version' },
    },
  },
  refusals: [
    USER_NOT_FOUND,
    { status: 403, code: 'USER.NOT_OWNER', when: 'the profile is not yours' },
    {
      status: 409,
      code: 'CONCURRENCY',
      when: 'the profile is not at the If-Match version (or another edit won the race)',
    },
  ],
});

@Controller()
export class UpdateProfileHttpController {
  constructor(
    private readonly handler: UpdateProfileHandler,
    private readonly profiles: ProfileByHandleQuery,
  ) {}

  @Endpoint(updateProfile)
  async update(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { params, headers, body } = updateProfile.parse(request);
    const expectedVersion = headers['if-match'];
    await this.handler.execute(
      {
        handle: params.handle,
        changes: body,
        actor: caller.accountId,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      },
      cause,
    );
    const profile = await this.profiles.execute(params.handle);
    void reply.header('etag', `"${profile.version}"`);
    return profile;
  }
}
