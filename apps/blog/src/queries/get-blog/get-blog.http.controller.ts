import { AppError, type Caller, CurrentCaller, Public } from '@blog/chassis';
import { Controller, Get, Param } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import { GetBlogQuery } from './get-blog.query';

@Controller('blogs')
export class GetBlogHttpController {
  constructor(private readonly query: GetBlogQuery) {}

  @Get(':id')
  @Public()
  async get(@Param('id') rawId: string, @CurrentCaller() caller: Caller | undefined) {
    const blogId = parseInput(z.uuid(), rawId, 'blog id');
    const blog = await this.query.execute(blogId, caller?.accountId);
    if (!blog) throw new AppError('not-found', 'BLOG.NOT_FOUND', 'No such blog');
    return blog;
  }
}
