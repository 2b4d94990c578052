import { recordStepIfInSaga } from '@blog/saga';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import type { PayloadOf, PostMessages } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';

type PostPublished = PayloadOf<typeof PostMessages.PostPublished>;

/**
 * Saga 2's last reaction here: a published post's counters open. A post of a blog visitor
 * already saw deleted stays closed (the two topics are not ordered with each other).
 */
@Injectable()
export class OpenPostCountersHandler {
  async handle(tx: SqlClient, message: InboundMessage<PostPublished>): Promise<void> {
    const { postId, blogId, publishedAt } = message.payload;
    await tx.query(
      `INSERT INTO visit_blogs (blog_id, status) VALUES ($1, 'active') ON CONFLICT DO NOTHING`,
      [blogId],
    );
    await tx.query(
      `INSERT INTO visit_posts (post_id, blog_id, status, published_at)
       SELECT $1, $2, CASE WHEN blog.status = 'deleted' THEN 'closed' ELSE 'open' END, $3
         FROM visit_blogs blog WHERE blog.blog_id = $2
       ON CONFLICT (post_id) DO UPDATE SET
         status = EXCLUDED.status, blog_id = EXCLUDED.blog_id,
         published_at = EXCLUDED.published_at, updated_at = now()`,
      [postId, blogId, publishedAt],
    );
    await recordStepIfInSaga(tx, message, {
      sagaType: 'publish-post',
      step: 'visitor.open-counters',
      outcome: 'succeeded',
    });
  }
}
