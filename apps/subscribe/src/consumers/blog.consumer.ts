import { Injectable } from '@nestjs/common';
import type { ConsumerDefinition } from '@blog/chassis';
import { BlogMessages, on } from '@blog/contracts';
import { sagaStepHandler } from '@blog/saga';
import type { ZodType } from 'zod';
import { CloseBlogSubscriptionsHandler } from '../commands/close-blog-subscriptions/close-blog-subscriptions.handler';
import { RestoreBlogSubscriptionsHandler } from '../commands/restore-blog-subscriptions/restore-blog-subscriptions.handler';
import { RetireBlogHandler } from '../commands/retire-blog/retire-blog.handler';
import { TrackBlogHandler } from '../commands/track-blog/track-blog.handler';

const SAGA = 'delete-blog';

/** blog's events: which blogs exist, and saga 3 (delete a blog). */
@Injectable()
export class BlogConsumer {
  constructor(
    private readonly trackBlog: TrackBlogHandler,
    private readonly closeSubscriptions: CloseBlogSubscriptionsHandler,
    private readonly restoreSubscriptions: RestoreBlogSubscriptionsHandler,
    private readonly retireBlog: RetireBlogHandler,
  ) {}

  definition(): ConsumerDefinition {
    const { BlogCreated, BlogDeletionRequested, BlogDeletionCancelled, BlogDeletionTimedOut } =
      BlogMessages;
    const restoreOn = <Payload extends { blogId: string }>(contract: {
      readonly type: string;
      readonly schema: ZodType<Payload>;
    }) =>
      sagaStepHandler<Payload>({
        sagaType: SAGA,
        step: 'subscribe.restore-subscriptions',
        type: contract.type,
        schema: contract.schema,
        react: async (tx, message) => {
          await this.restoreSubscriptions.handle(tx, message);
          return 'compensated';
        },
      });
    return {
      name: 'subscribe.blog',
      topics: [BlogCreated.topic],
      handlers: [
        on(BlogCreated, (tx, message) => this.trackBlog.handle(tx, message)),
        sagaStepHandler({
          sagaType: SAGA,
          step: 'subscribe.close-subscriptions',
          type: BlogDeletionRequested.type,
          schema: BlogDeletionRequested.schema,
          react: (tx, message) => this.closeSubscriptions.handle(tx, message),
        }),
        restoreOn(BlogDeletionCancelled),
        restoreOn(BlogDeletionTimedOut),
        on(BlogMessages.BlogDeleted, (tx, message) => this.retireBlog.handle(tx, message)),
      ],
    };
  }
}
