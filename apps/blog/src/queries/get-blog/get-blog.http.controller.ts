import { AppError, type Caller, CurrentCaller, Endpoint } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BLOG_NOT_FOUND, route } from '../../infrastructure/http/route';
import { blogView } from '../blog.view';
import { blogIdParams } from '../blog-params';
import { GetBlogQuery } from './get-blog.query';

export const getBlog = route({
  method: 'GET',
  path: '/blogs/:blogId',
  operationId: 'getBlog',
  summary: 'A blog',
  description: 'A DELETED blog is shown to its owner only.',
  tag: 'blogs',
  access: 'public',
  params: blogIdParams,
  answers: { 200: { description: 'The blog', body: blogView } },
  refusals: [BLOG_NOT_FOUND],
});

@Controller()
export class GetBlogHttpController {
  constructor(private readonly query: GetBlogQuery) {}

  @Endpoint(getBlog)
  async get(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller | undefined) {
    const { blogId } = getBlog.parse(request).params;
    const blog = await this.query.execute(blogId, caller?.accountId);
    if (!blog) throw new AppError('not-found', BLOG_NOT_FOUND.code, 'No such blog');
    return blog;
  }
}
