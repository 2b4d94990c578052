import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { BlogMessages, type PayloadOf } from '@blog/contracts';
import { runSagaStep } from '@blog/saga';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloseBlogSubscriptionsHandler } from '../commands/close-blog-subscriptions/close-blog-subscriptions.handler';
import { RestoreBlogSubscriptionsHandler } from '../commands/restore-blog-subscriptions/restore-blog-subscriptions.handler';
import { RetireBlogHandler } from '../commands/retire-blog/retire-blog.handler';
import { TrackBlogHandler } from '../commands/track-blog/track-blog.handler';
import { DELETE_BLOG_SAGA } from '../domain/subscribe.sagas';

type BlogCreated = PayloadOf<typeof BlogMessages.BlogCreated>;
type BlogDeletionRequested = PayloadOf<typeof BlogMessages.BlogDeletionRequested>;
/** A deletion that was cancelled or timed out: either way the blog stays. */
type DeletionUndone = Pick<PayloadOf<typeof BlogMessages.BlogDeletionCancelled>, 'blogId'>;
type BlogDeleted = PayloadOf<typeof BlogMessages.BlogDeleted>;

/** blog's events: which blogs exist, and saga 3 (delete a blog). */
@InboxConsumer('subscribe.blog')
export class BlogConsumer {
  constructor(
    private readonly trackBlog: TrackBlogHandler,
    private readonly closeSubscriptions: CloseBlogSubscriptionsHandler,
    private readonly restoreSubscriptions: RestoreBlogSubscriptionsHandler,
    private readonly retireBlog: RetireBlogHandler,
  ) {}

  @OnMessage(BlogMessages.BlogCreated)
  blogCreated(@Payload() _payload: BlogCreated, @Ctx() { tx, message }: InboxContext<BlogCreated>) {
    return this.trackBlog.handle(tx, message);
  }

  @OnMessage(BlogMessages.BlogDeletionRequested)
  deletionRequested(
    @Payload() _payload: BlogDeletionRequested,
    @Ctx() { tx, message }: InboxContext<BlogDeletionRequested>,
  ) {
    const step = { sagaType: DELETE_BLOG_SAGA, step: 'subscribe.close-subscriptions' } as const;
    return runSagaStep(tx, message, step, (stepTx, inSaga) =>
      this.closeSubscriptions.handle(stepTx, inSaga),
    );
  }

  @OnMessage(BlogMessages.BlogDeletionCancelled)
  @OnMessage(BlogMessages.BlogDeletionTimedOut)
  deletionUndone(
    @Payload() _payload: DeletionUndone,
    @Ctx() { tx, message }: InboxContext<DeletionUndone>,
  ) {
    const step = { sagaType: DELETE_BLOG_SAGA, step: 'subscribe.restore-subscriptions' } as const;
    return runSagaStep(tx, message, step, async (stepTx, inSaga) => {
      await this.restoreSubscriptions.handle(stepTx, inSaga);
      return 'compensated';
    });
  }

  @OnMessage(BlogMessages.BlogDeleted)
  blogDeleted(@Payload() _payload: BlogDeleted, @Ctx() { tx, message }: InboxContext<BlogDeleted>) {
    return this.retireBlog.handle(tx, message);
  }
}
