import { accountIdOf, type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput } from '../../infrastructure/http/parse-input';
import { etagOf } from '../../queries/post.view';
import { DraftPostHandler } from './draft-post.handler';
import { draftPostRequest } from './draft-post.request.dto';

@Controller('posts')
export class DraftPostHttpController {
  constructor(private readonly handler: DraftPostHandler) {}

  @Post()
  @HttpCode(201)
  async draft(
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = parseInput(draftPostRequest, body, 'post');
    const post = await this.handler.execute(
      accountIdOf(caller, 'POST.INVALID_ACCOUNT'),
      input,
      cause,
    );
    void reply.header('location', `/posts/${post.id}`).header('etag', etagOf(post));
    return post;
  }
}
