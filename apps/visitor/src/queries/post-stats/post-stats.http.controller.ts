import { Controller, Get, Param } from '@nestjs/common';
import { Public } from '@blog/chassis';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/parse-input';
import { type PostStats, PostStatsQuery } from './post-stats.query';

@Controller('stats')
export class PostStatsHttpController {
  constructor(private readonly postStats: PostStatsQuery) {}

  @Get('posts/:postId')
  @Public()
  get(@Param('postId') postId: string): Promise<PostStats> {
    return this.postStats.execute(parseInput(z.uuid(), postId, 'post id'));
  }
}
