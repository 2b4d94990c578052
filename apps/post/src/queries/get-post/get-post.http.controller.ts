import { AppError, type Caller, CurrentCaller, Public } from '@blog/chassis';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import { etagOf } from '../post.view';
import { GetPostQuery } from './get-post.query';

@Controller('posts')
export class GetPostHttpController {
  constructor(private readonly query: GetPostQuery) {}

  @Get(':id')
  @Public()
  async get(
    @Param('id') rawId: string,
    @CurrentCaller() caller: Caller | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const postId = parseInput(z.uuid(), rawId, 'post id');
    const post = await this.query.execute(postId, caller?.accountId);
    if (!post) throw new AppError('not-found', 'POST.NOT_FOUND', 'No such post');
    void reply.header('etag', etagOf(post));
    return post;
  }
}
