import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BLOG_LOCKED,
  BLOG_NOT_FOUND,
  CONCURRENT_CHANGE,
  route,
} from '../../infrastructure/http/route';
import { blogIdParams } from '../../queries/blog-params';
import { DeleteBlogHandler } from './delete-blog.handler';

export const deleteBlog = route({
  method: 'DELETE',
  path: '/blogs/:blogId',
  operationId: 'deleteBlog',
  summary: 'Delete a blog you own (saga 3)',
  description:
    'The deletion is a saga: `GET /api/blogs/{blogId}` shows DELETING, then DELETED, or ACTIVE again when a participant refuses or the deadline passes.',
  tag: 'blogs',
  access: 'caller',
  params: blogIdParams,
  answers: {
    202: {
      description: 'The deletion started',
      body: z
        .object({ blogId: z.uuid(), sagaId: z.string(), status: z.literal('DELETING') })
        .meta({ id: 'BlogDeletionStarted' }),
    },
  },
  refusals: [
    BLOG_NOT_FOUND,
    { status: 403, code: 'BLOG.NOT_OWNER', when: 'the caller does not own the blog' },
    { status: 409, code: 'BLOG.DELETED', when: 'the blog has been deleted' },
    BLOG_LOCKED,
    CONCURRENT_CHANGE,
  ],
});

/** 202: the deletion is a saga; `GET /blogs/:blogId` shows DELETING, then DELETED or ACTIVE. */
@Controller()
export class DeleteBlogHttpController {
  constructor(private readonly handler: DeleteBlogHandler) {}

  @Endpoint(deleteBlog)
  delete(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ) {
    const { blogId } = deleteBlog.parse(request).params;
    return this.handler.execute(blogId, caller.accountId, cause);
  }
}
