import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import { DeleteBlogHandler } from './delete-blog.handler';

/** 202: the deletion is a saga; `GET /blogs/:id` shows DELETING, then DELETED or ACTIVE. */
@Controller('blogs')
export class DeleteBlogHttpController {
  constructor(private readonly handler: DeleteBlogHandler) {}

  @Delete(':id')
  @HttpCode(202)
  delete(
    @Param('id') rawId: string,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ) {
    const blogId = parseInput(z.uuid(), rawId, 'blog id');
    return this.handler.execute(blogId, caller.accountId, cause);
  }
}
