import { Controller, Req } from '@nestjs/common';
import { Endpoint } from '@blog/chassis';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { VISIT_WINDOWS, type VisitWindow } from '../../domain/visit-window';
import { route } from '../../infrastructure/route';
import { type PopularPosts, PopularPostsQuery } from './popular-posts.query';

const windows = Object.keys(VISIT_WINDOWS) as [VisitWindow, ...VisitWindow[]];

export const popularPosts = route({
  method: 'GET',
  path: '/stats/popular',
  operationId: 'getPopularPosts',
  summary: 'The most visited posts over a window',
  description:
    'A ranking, not a list: the top `limit`, ties broken by post id, with no further pages.',
  tag: 'visits',
  access: 'public',
  query: z.object({
    window: z.enum(windows).default('24h').describe('The last hour, day or week'),
    limit: z.coerce.number().int().min(1).max(100).default(10).describe('How many, 1 to 100'),
    blogId: z.uuid().optional().describe('Only this blog’s posts'),
  }),
  answers: {
    200: {
      description: 'The ranking',
      body: z
        .object({
          window: z.enum(windows),
          since: z.iso.datetime().describe('The first minute counted'),
          items: z.array(z.object({ postId: z.uuid(), blogId: z.uuid(), views: z.number().int() })),
        })
        .meta({ id: 'PopularPosts' }),
    },
  },
});

@Controller()
export class PopularPostsHttpController {
  constructor(private readonly popularPosts: PopularPostsQuery) {}

  @Endpoint(popularPosts)
  get(@Req() request: FastifyRequest): Promise<PopularPosts> {
    const params = popularPosts.parse(request).query;
    return this.popularPosts.execute({
      window: params.window,
      limit: params.limit,
      blogId: params.blogId ?? null,
    });
  }
}
