import type { ConsumerDefinition } from '@blog/chassis';
import { on, PostMessages, SubscriptionMessages } from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { RecordDeletionAnswerHandler } from '../commands/record-deletion-answer/record-deletion-answer.handler';

/** The participants' answers to saga 3, from post and subscribe: `blog.blog-deletion`. */
@Injectable()
export class BlogDeletionConsumer {
  constructor(private readonly answers: RecordDeletionAnswerHandler) {}

  definition(): ConsumerDefinition {
    return {
      name: 'blog.blog-deletion',
      topics: [
        PostMessages.BlogPostsArchived.topic,
        SubscriptionMessages.BlogSubscriptionsClosed.topic,
      ],
      handlers: [
        on(PostMessages.BlogPostsArchived, (tx, { payload, envelope }) =>
          this.answers.execute(
            tx,
            payload.blogId,
            { kind: 'confirmed', participant: 'post' },
            envelope,
          ),
        ),
        on(PostMessages.BlogPostsArchiveRefused, (tx, { payload, envelope }) =>
          this.answers.execute(
            tx,
            payload.blogId,
            { kind: 'refused', participant: 'post', reason: payload.reason },
            envelope,
          ),
        ),
        on(SubscriptionMessages.BlogSubscriptionsClosed, (tx, { payload, envelope }) =>
          this.answers.execute(
            tx,
            payload.blogId,
            { kind: 'confirmed', participant: 'subscribe' },
            envelope,
          ),
        ),
        on(SubscriptionMessages.BlogSubscriptionsCloseRefused, (tx, { payload, envelope }) =>
          this.answers.execute(
            tx,
            payload.blogId,
            { kind: 'refused', participant: 'subscribe', reason: payload.reason },
            envelope,
          ),
        ),
      ],
    };
  }
}
