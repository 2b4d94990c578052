import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BLOG_CHANGE_REFUSALS, route } from '../../infrastructure/http/route';
import { blogIdParams } from '../../queries/blog-params';
import { blogView } from '../../queries/blog.view';
import { UpdateBlogHandler } from './update-blog.handler';
import { updateBlogRequest } from './update-blog.request.dto';

export const updateBlog = route({
  method: 'PATCH',
  path: '/blogs/:blogId',
  operationId: 'updateBlog',
  summary: 'Edit a blog you own',
  tag: 'blogs',
  access: 'caller',
  params: blogIdParams,
  body: updateBlogRequest,
  answers: { 200: { description: 'The blog as edited', body: blogView } },
  refusals: BLOG_CHANGE_REFUSALS,
});

@Controller()
export class UpdateBlogHttpController {
  constructor(private readonly handler: UpdateBlogHandler) {}

  @Endpoint(updateBlog)
  update(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ) {
    const { params, body } = updateBlog.parse(request);
    return this.handler.execute(params.blogId, caller.accountId, body, cause);
  }
}
