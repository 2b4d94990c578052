import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BLOG_CHANGE_REFUSALS, route } from '../../infrastructure/http/route';
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
  refusals: BLOG_CHANGE_REFUSALS,
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
