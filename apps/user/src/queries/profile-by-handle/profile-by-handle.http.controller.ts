import { Endpoint } from '@blog/chassis';
import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { handleParams, route } from '../../commands/profile-fields';
import { ProfileByHandleQuery, profileView } from './profile-by-handle.query';

export const USER_NOT_FOUND = {
  status: 404,
  code: 'USER.NOT_FOUND',
  when: 'no active profile has this handle',
} as const;

export const getProfile = route({
  method: 'GET',
  path: '/users/:handle',
  operationId: 'getProfile',
  summary: 'A profile by handle',
  description: 'Handles are found case-insensitively.',
  tag: 'users',
  access: 'public',
  params: handleParams,
  answers: {
    200: {
      description: 'The profile',
      body: profileView,
      headers: { etag: 'The profile’s version, for If-Match' },
    },
  },
  refusals: [USER_NOT_FOUND],
});

@Controller()
export class ProfileByHandleHttpController {
  constructor(private readonly query: ProfileByHandleQuery) {}

  @Endpoint(getProfile)
  async profile(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const profile = await this.query.execute(getProfile.parse(request).params.handle);
    void reply.header('etag', `"${profile.version}"`);
    return profile;
  }
}
