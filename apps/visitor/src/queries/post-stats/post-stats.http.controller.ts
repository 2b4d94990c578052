import { Controller, Req } from '@nestjs/common';
import { Endpoint } from '@blog/chassis';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../../infrastructure/route';
import { type PostStats, PostStatsQuery } from './post-stats.query';

export const postStats = route({
  method: 'GET',
  path: '/stats/posts/:postId',
  operationId: 'getPostStats',
  summary: 'Visits of a post',
  tag: 'visits',
  access: 'public',
  params: z.object({ postId: z.uuid() }),
  answers: {
    200: {
      description: 'The post’s totals',
      body: z
        .object({
          postId: z.uuid(),
          blogId: z.uuid(),
          open: z.boolean().describe('Whether the post takes visits now (it is published)'),
          views: z.number().int(),
          uniqueVisitors: z.number().int(),
        })
        .meta({ id: 'PostStats' }),
    },
  },
  refusals: [
    { status: 404, code: 'VISITOR.POST_NOT_FOUND', when: 'no published post has this id' },
  ],
});

@Controller()
export class PostStatsHttpController {
  constructor(private readonly postStats: PostStatsQuery) {}

  @Endpoint(postStats)
  get(@Req() request: FastifyRequest): Promise<PostStats> {
    return this.postStats.execute(postStats.parse(request).params.postId);
  }
}
