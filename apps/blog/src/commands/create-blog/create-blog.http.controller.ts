import {
  accountIdOf,
  type Caller,
  type Cause,
  CurrentCaller,
  Endpoint,
  RequestCause,
} from '@blog/chassis';
import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONCURRENT_CHANGE, route } from '../../infrastructure/http/route';
import { blogView } from '../../queries/blog.view';
import { CreateBlogHandler } from './create-blog.handler';
import { createBlogRequest } from './create-blog.request.dto';

export const createBlog = route({
  method: 'POST',
  path: '/blogs',
  operationId: 'createBlog',
  summary: 'Create a blog',
  description: 'The slug comes from the title, unique among the owner’s blogs.',
  tag: 'blogs',
  access: 'caller',
  body: createBlogRequest,
  answers: {
    201: {
      description: 'Created',
      body: blogView,
      headers: { location: 'The new blog: `/api/blogs/{blogId}`' },
    },
  },
  refusals: [
    { status: 403, code: 'BLOG.INVALID_ACCOUNT', when: 'the caller is not an account' },
    {
      status: 409,
      code: 'LOCKED',
      when: 'the account is being closed (saga 4): `details` name the saga',
    },
    { status: 409, code: 'BLOG.ACCOUNT_CLOSED', when: 'the account is closed' },
    CONCURRENT_CHANGE,
  ],
});

@Controller()
export class CreateBlogHttpController {
  constructor(private readonly handler: CreateBlogHandler) {}

  @Endpoint(createBlog)
  async create(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body } = createBlog.parse(request);
    const blog = await this.handler.execute(
      accountIdOf(caller, 'BLOG.INVALID_ACCOUNT'),
      body,
      cause,
    );
    void reply.header('location', `/blogs/${blog.id}`);
    return blog;
  }
}
