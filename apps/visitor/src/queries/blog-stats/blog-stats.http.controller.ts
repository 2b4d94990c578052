import { Controller, Get, Param } from '@nestjs/common';
import { Public } from '@blog/chassis';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/parse-input';
import { type BlogStats, BlogStatsQuery } from './blog-stats.query';

@Controller('stats')
export class BlogStatsHttpController {
  constructor(private readonly blogStats: BlogStatsQuery) {}

  @Get('blogs/:blogId')
  @Public()
  get(@Param('blogId') blogId: string): Promise<BlogStats> {
    return this.blogStats.execute(parseInput(z.uuid(), blogId, 'blog id'));
  }
}
