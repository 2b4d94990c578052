import { accountIdOf, type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput } from '../../infrastructure/http/parse-input';
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
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = parseInput(createBlogRequest, body, 'blog');
    const blog = await this.handler.execute(
      accountIdOf(caller, 'BLOG.INVALID_ACCOUNT'),
      input,
      cause,
    );
    void reply.header('location', `/blogs/${blog.id}`);
    return blog;
  }
}
