import { Controller, Req, Res } from '@nestjs/common';
import {
  type Caller,
  type Cause,
  CurrentCaller,
  Endpoint,
  eventContextOf,
  RequestCause,
} from '@blog/chassis';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../../infrastructure/route';
import { SubscribeToBlogHandler, type SubscriptionView } from './subscribe-to-blog.handler';
import { SubscribeToBlogRequest } from './subscribe-to-blog.request.dto';

const subscription = z
  .object({
    blogId: z.uuid(),
    status: z.literal('active'),
    subscribedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'NewSubscription' });

export const subscribeToBlog = route({
  method: 'POST',
  path: '/subscriptions',
  operationId: 'subscribeToBlog',
  summary: 'Subscribe to a blog',
  tag: 'subscriptions',
  access: 'caller',
  body: SubscribeToBlogRequest,
  answers: {
    201: { description: 'Subscribed', body: subscription },
    200: { description: 'You already were: nothing changed', body: subscription },
  },
  refusals: [
    { status: 404, code: 'SUBSCRIBE.BLOG_NOT_FOUND', when: 'no blog has this id (yet)' },
    { status: 409, code: 'SUBSCRIBE.ACCOUNT_CLOSED', when: 'your account is closed' },
    {
      status: 409,
      code: 'LOCKED',
      when: 'your account is being closed, or the blog deleted: `details` name the saga',
    },
    { status: 409, code: 'CONCURRENCY', when: 'another change won the race; retry' },
  ],
});

@Controller()
export class SubscribeToBlogHttpController {
  constructor(private readonly subscribeToBlog: SubscribeToBlogHandler) {}

  @Endpoint(subscribeToBlog)
  async subscribe(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionView> {
    const { blogId } = subscribeToBlog.parse(request).body;
    const result = await this.subscribeToBlog.execute(
      { subscriberId: caller.accountId, blogId },
      eventContextOf(cause),
    );
    void reply.status(result.created ? 201 : 200);
    return result.subscription;
  }
}
