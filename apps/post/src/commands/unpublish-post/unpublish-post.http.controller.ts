import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import { parseInput } from '../../infrastructure/http/parse-input';
import { etagOf } from '../../queries/post.view';
import { UnpublishPostHandler } from './unpublish-post.handler';

@Controller('posts')
export class UnpublishPostHttpController {
  constructor(private readonly handler: UnpublishPostHandler) {}

  @Post(':id/unpublish')
  @HttpCode(200)
  async unpublish(
    @Param('id') rawId: string,
    @Headers('if-match') rawIfMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const postId = parseInput(z.uuid(), rawId, 'post id');
    const post = await this.handler.execute(
      postId,
      caller.accountId,
      parseIfMatch(rawIfMatch),
      cause,
    );
    void reply.header('etag', etagOf(post));
    return post;
  }
}
