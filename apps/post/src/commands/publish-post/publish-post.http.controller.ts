import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import { parseInput } from '../../infrastructure/http/parse-input';
import { PublishPostHandler } from './publish-post.handler';

/** 202: publication is a saga; `GET /posts/:id` shows PUBLISHING, then PUBLISHED or DRAFT. */
@Controller('posts')
export class PublishPostHttpController {
  constructor(private readonly handler: PublishPostHandler) {}

  @Post(':id/publish')
  @HttpCode(202)
  publish(
    @Param('id') rawId: string,
    @Headers('if-match') rawIfMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ) {
    const postId = parseInput(z.uuid(), rawId, 'post id');
    return this.handler.execute(postId, caller.accountId, parseIfMatch(rawIfMatch), cause);
  }
}
