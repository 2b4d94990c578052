import { Controller, Req } from '@nestjs/common';
import { type Caller, CurrentCaller, Endpoint, pageOf, pageQuery } from '@blog/chassis';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decodeCursor } from '../../infrastructure/cursor';
import { route } from '../../infrastructure/route';
import { MySubscriptionsQuery } from './my-subscriptions.query';

export const mySubscriptions = route({
  method: 'GET',
  path: '/subscriptions',
  operationId: 'listMySubscriptions',
  summary: 'Your subscriptions, newest first',
  tag: 'subscriptions',
  access: 'caller',
  query: pageQuery,
  answers: {
    200: {
      description: 'One page of subscriptions',
      body: pageOf(
        z
          .object({
            blogId: z.uuid(),
            blogTitle: z.string().nullable(),
            status: z
              .enum(['active', 'closed'])
              .describe('`closed` while the blog is being deleted: no feed entries until restored'),
            subscribedAt: z.iso.datetime({ offset: true }),
          })
          .meta({ id: 'Subscription' }),
      ),
    },
  },
});

@Controller()
export class MySubscriptionsHttpController {
  constructor(private readonly mySubscriptions: MySubscriptionsQuery) {}

  @Endpoint(mySubscriptions)
  list(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller) {
    const { limit, cursor } = mySubscriptions.parse(request).query;
    return this.mySubscriptions.execute(caller.accountId, { limit, after: decodeCursor(cursor) });
  }
}
