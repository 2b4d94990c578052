import { type Caller, CurrentCaller } from '@blog/chassis';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { accountIdOf } from '../../infrastructure/http/caller-account';
import { parseInput } from '../../infrastructure/http/parse-input';
import {
  causeOfRequest,
  Correlation,
  type RequestContext,
} from '../../infrastructure/http/request-context';
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
    @Correlation() request: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = parseInput(draftPostRequest, body, 'post');
    const post = await this.handler.execute(
      accountIdOf(caller),
      input,
      causeOfRequest(request, caller),
    );
    void reply.header('location', `/posts/${post.id}`).header('etag', etagOf(post));
    return post;
  }
}
