import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { type PayloadOf, PostMessages, SubscriptionMessages } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { RecordDeletionAnswerHandler } from '../commands/record-deletion-answer/record-deletion-answer.handler';

type BlogPostsArchived = PayloadOf<typeof PostMessages.BlogPostsArchived>;
type BlogPostsArchiveRefused = PayloadOf<typeof PostMessages.BlogPostsArchiveRefused>;
type BlogSubscriptionsClosed = PayloadOf<typeof SubscriptionMessages.BlogSubscriptionsClosed>;
type BlogSubscriptionsCloseRefused = PayloadOf<
  typeof SubscriptionMessages.BlogSubscriptionsCloseRefused
>;

/** The participants' answers to saga 3, from post and subscribe. */
@InboxConsumer('blog.blog-deletion')
export class BlogDeletionConsumer {
  constructor(private readonly answers: RecordDeletionAnswerHandler) {}

  @OnMessage(PostMessages.BlogPostsArchived)
  postsArchived(
    @Payload() payload: BlogPostsArchived,
    @Ctx() { tx, message }: InboxContext<BlogPostsArchived>,
  ) {
    const answer = { kind: 'confirmed', participant: 'post' } as const;
    return this.answers.execute(tx, payload.blogId, answer, message.envelope);
  }

  @OnMessage(PostMessages.BlogPostsArchiveRefused)
  postsArchiveRefused(
    @Payload() payload: BlogPostsArchiveRefused,
    @Ctx() { tx, message }: InboxContext<BlogPostsArchiveRefused>,
  ) {
    const answer = { kind: 'refused', participant: 'post', reason: payload.reason } as const;
    return this.answers.execute(tx, payload.blogId, answer, message.envelope);
  }

  @OnMessage(SubscriptionMessages.BlogSubscriptionsClosed)
  subscriptionsClosed(
    @Payload() payload: BlogSubscriptionsClosed,
    @Ctx() { tx, message }: InboxContext<BlogSubscriptionsClosed>,
  ) {
    const answer = { kind: 'confirmed', participant: 'subscribe' } as const;
    return this.answers.execute(tx, payload.blogId, answer, message.envelope);
  }

  @OnMessage(SubscriptionMessages.BlogSubscriptionsCloseRefused)
  subscriptionsCloseRefused(
    @Payload() payload: BlogSubscriptionsCloseRefused,
    @Ctx() { tx, message }: InboxContext<BlogSubscriptionsCloseRefused>,
  ) {
    const answer = { kind: 'refused', participant: 'subscribe', reason: payload.reason } as const;
    return this.answers.execute(tx, payload.blogId, answer, message.envelope);
  }
}
