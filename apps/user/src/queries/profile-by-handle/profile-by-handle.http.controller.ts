import { Public } from '@blog/chassis';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { handleParam, parseInput } from '../../commands/profile-fields';
import { ProfileByHandleQuery } from './profile-by-handle.query';

@Controller('users')
export class ProfileByHandleHttpController {
  constructor(private readonly query: ProfileByHandleQuery) {}

  @Get(':handle')
  @Public()
  async profile(@Param('handle') handle: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const profile = await this.query.execute(parseInput(handleParam, handle, 'handle'));
    void reply.header('etag', `"${profile.version}"`);
    return profile;
  }
}
