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
import { CreateBlogHandler } from './create-blog.handler';
import { createBlogRequest } from './create-blog.request.dto';

@Controller('blogs')
export class CreateBlogHttpController {
  constructor(private readonly handler: CreateBlogHandler) {}

  @Post()
  @HttpCode(201)
  async create(
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @Correlation() request: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = parseInput(createBlogRequest, body, 'blog');
    const blog = await this.handler.execute(
      accountIdOf(caller),
      input,
      causeOfRequest(request, caller),
    );
    void reply.header('location', `/blogs/${blog.id}`);
    return blog;
  }
}
