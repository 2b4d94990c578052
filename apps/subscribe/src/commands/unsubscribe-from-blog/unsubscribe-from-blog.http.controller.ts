import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import {
  type Caller,
  type Cause,
  CurrentCaller,
  eventContextOf,
  RequestCause,
} from '@blog/chassis';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/parse-input';
import { UnsubscribeFromBlogHandler } from './unsubscribe-from-blog.handler';

/** `DELETE /subscriptions/:blogId`: 204; 404 SUBSCRIBE.NOT_SUBSCRIBED when there is none. */
@Controller('subscriptions')
export class UnsubscribeFromBlogHttpController {
  constructor(private readonly unsubscribeFromBlog: UnsubscribeFromBlogHandler) {}

  @Delete(':blogId')
  @HttpCode(204)
  async unsubscribe(
    @Param('blogId') rawBlogId: string,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ): Promise<void> {
    const blogId = parseInput(z.uuid(), rawBlogId, 'blog id');
    await this.unsubscribeFromBlog.execute(
      { subscriberId: caller.accountId, blogId },
      eventContextOf(cause),
    );
  }
}
