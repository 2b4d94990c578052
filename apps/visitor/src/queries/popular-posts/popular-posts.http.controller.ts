import { Controller, Get, Query } from '@nestjs/common';
import { Public } from '@blog/chassis';
import { z } from 'zod';
import { VISIT_WINDOWS, type VisitWindow } from '../../domain/visit-window';
import { parseInput } from '../../infrastructure/parse-input';
import { type PopularPosts, PopularPostsQuery } from './popular-posts.query';

const windows = Object.keys(VISIT_WINDOWS) as [VisitWindow, ...VisitWindow[]];

const PopularPostsParams = z.object({
  window: z.enum(windows).default('24h'),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  blogId: z.uuid().optional(),
});

@Controller('stats')
export class PopularPostsHttpController {
  constructor(private readonly popularPosts: PopularPostsQuery) {}

  /** `GET /stats/popular?window=1h|24h|7d&limit=1..100[&blogId=]` */
  @Get('popular')
  @Public()
  get(@Query() query: unknown): Promise<PopularPosts> {
    const params = parseInput(PopularPostsParams, query, 'query');
    return this.popularPosts.execute({
      window: params.window,
      limit: params.limit,
      blogId: params.blogId ?? null,
    });
  }
}
