import { recordStepIfInSaga } from '@blog/saga';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import type { PayloadOf, PostMessages } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';

type PostPublished = PayloadOf<typeof PostMessages.PostPublished>;

/**
 * Saga 2's reaction here: one feed entry per open subscription of the blog, in ONE
 * statement however many subscribers. The inbox makes a redelivery a no-op; the
 * (subscriber, post) key makes a republished post land once per feed.
 */
@Injectable()
export class FanOutPostHandler {
  async handle(tx: SqlClient, message: InboundMessage<PostPublished>): Promise<void> {
    const { postId, blogId, authorId, title, slug, publishedAt } = message.payload;
    await tx.query(
      `INSERT INTO feed_entries
         (subscriber_id, post_id, blog_id, author_id, title, slug, published_at)
       SELECT subscriber_id, $1, $2, $3, $4, $5, $6
         FROM subscriptions WHERE blog_id = $2 AND closed_by_saga IS NULL
       ON CONFLICT (subscriber_id, post_id) DO NOTHING`,
      [postId, blogId, authorId, title, slug, publishedAt],
    );
    await recordStepIfInSaga(tx, message, {
      sagaType: 'publish-post',
      step: 'subscribe.fan-out-feed',
      outcome: 'succeeded',
    });
  }
}
