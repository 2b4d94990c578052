import { type Caller, CurrentCaller } from '@blog/chassis';
import { Body, Controller, Param, Patch } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import {
  causeOfRequest,
  Correlation,
  type RequestContext,
} from '../../infrastructure/http/request-context';
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
    @Correlation() request: RequestContext,
  ) {
    const blogId = parseInput(z.uuid(), rawId, 'blog id');
    const input = parseInput(updateBlogRequest, body, 'blog update');
    return this.handler.execute(blogId, caller.accountId, input, causeOfRequest(request, caller));
  }
}
