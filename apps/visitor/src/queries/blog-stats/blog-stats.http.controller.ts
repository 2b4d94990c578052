import { Controller, Req } from '@nestjs/common';
import { Endpoint } from '@blog/chassis';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../../infrastructure/route';
import { type BlogStats, BlogStatsQuery } from './blog-stats.query';

export const blogStats = route({
  method: 'GET',
  path: '/stats/blogs/:blogId',
  operationId: 'getBlogStats',
  summary: 'Visits of a blog',
  tag: 'visits',
  access: 'public',
  params: z.object({ blogId: z.uuid() }),
  answers: {
    200: {
      description: 'The blog’s totals',
      body: z
        .object({
          blogId: z.uuid(),
          posts: z.number().int().describe('Posts seen published on this blog'),
          views: z.number().int(),
          uniqueVisitors: z.number().int().describe('Distinct visitors of any of its posts'),
        })
        .meta({ id: 'BlogStats' }),
    },
  },
  refusals: [{ status: 404, code: 'VISITOR.BLOG_NOT_FOUND', when: 'no blog has this id' }],
});

@Controller()
export class BlogStatsHttpController {
  constructor(private readonly blogStats: BlogStatsQuery) {}

  @Endpoint(blogStats)
  get(@Req() request: FastifyRequest): Promise<BlogStats> {
    return this.blogStats.execute(blogStats.parse(request).params.blogId);
  }
}
