import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Body, Controller, Param, Patch } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import { UpdateBlogHandler } from './update-blog.handler';
import { updateBlogRequest } from './update-blog.request.dto';

@Controller('blogs')
export class UpdateBlogHttpController {
  constructor(private readonly handler: UpdateBlogHandler) {}

  @Patch(':id')
  update(
    @Param('id') rawId: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ) {
    const blogId = parseInput(z.uuid(), rawId, 'blog id');
    const input = parseInput(updateBlogRequest, body, 'blog update');
    return this.handler.execute(blogId, caller.accountId, input, cause);
  }
}
