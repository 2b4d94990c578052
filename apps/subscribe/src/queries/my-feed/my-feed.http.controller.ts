import { Controller, Req } from '@nestjs/common';
import { type Caller, CurrentCaller, Endpoint, pageOf, pageQuery } from '@blog/chassis';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decodeCursor } from '../../infrastructure/cursor';
import { route } from '../../infrastructure/route';
import { MyFeedQuery } from './my-feed.query';

export const myFeed = route({
  method: 'GET',
  path: '/feed',
  operationId: 'getMyFeed',
  summary: 'Your feed: posts of the blogs you follow, newest publication first',
  tag: 'subscriptions',
  access: 'caller',
  query: pageQuery,
  answers: {
    200: {
      description: 'One page of the feed',
      body: pageOf(
        z
          .object({
            postId: z.uuid(),
            blogId: z.uuid(),
            blogTitle: z.string().nullable(),
            authorId: z.uuid(),
            title: z.string(),
            slug: z.string(),
            publishedAt: z.iso.datetime({ offset: true }),
          })
          .meta({ id: 'FeedItem' }),
      ),
    },
  },
});

@Controller()
export class MyFeedHttpController {
  constructor(private readonly myFeed: MyFeedQuery) {}

  @Endpoint(myFeed)
  list(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller) {
    const { limit, cursor } = myFeed.parse(request).query;
    return this.myFeed.execute(caller.accountId, { limit, after: decodeCursor(cursor) });
  }
}
