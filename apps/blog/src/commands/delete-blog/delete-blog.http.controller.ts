import { type Caller, CurrentCaller } from '@blog/chassis';
import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import {
  causeOfRequest,
  Correlation,
  type RequestContext,
} from '../../infrastructure/http/request-context';
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
    @Correlation() request: RequestContext,
  ) {
    const blogId = parseInput(z.uuid(), rawId, 'blog id');
    return this.handler.execute(blogId, caller.accountId, causeOfRequest(request, caller));
  }
}
