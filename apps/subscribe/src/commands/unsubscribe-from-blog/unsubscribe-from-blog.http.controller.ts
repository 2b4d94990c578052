import { Controller, Req } from '@nestjs/common';
import {
  type Caller,
  type Cause,
  CurrentCaller,
  Endpoint,
  eventContextOf,
  RequestCause,
} from '@blog/chassis';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../../infrastructure/route';
import { UnsubscribeFromBlogHandler } from './unsubscribe-from-blog.handler';

export const unsubscribeFromBlog = route({
  method: 'DELETE',
  path: '/subscriptions/:blogId',
  operationId: 'unsubscribeFromBlog',
  summary: 'Unsubscribe from a blog',
  tag: 'subscriptions',
  access: 'caller',
  params: z.object({ blogId: z.uuid() }),
  answers: { 204: { description: 'Unsubscribed' } },
  refusals: [
    { status: 404, code: 'SUBSCRIBE.NOT_SUBSCRIBED', when: 'you are not subscribed to it' },
    { status: 409, code: 'CONCURRENCY', when: 'another change won the race; retry' },
  ],
});

@Controller()
export class UnsubscribeFromBlogHttpController {
  constructor(private readonly unsubscribeFromBlog: UnsubscribeFromBlogHandler) {}

  @Endpoint(unsubscribeFromBlog)
  async unsubscribe(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ): Promise<void> {
    const { blogId } = unsubscribeFromBlog.parse(request).params;
    await this.unsubscribeFromBlog.execute(
      { subscriberId: caller.accountId, blogId },
      eventContextOf(cause),
    );
  }
}
