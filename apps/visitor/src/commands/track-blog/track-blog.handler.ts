import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import type { BlogMessages, PayloadOf } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';

type BlogCreated = PayloadOf<typeof BlogMessages.BlogCreated>;

/** visitor knows a blog (for its stats) from its creation or from its first published post. */
@Injectable()
export class TrackBlogHandler {
  async handle(tx: SqlClient, message: InboundMessage<BlogCreated>): Promise<void> {
    await tx.query(
      `INSERT INTO visit_blogs (blog_id, status) VALUES ($1, 'active') ON CONFLICT DO NOTHING`,
      [message.payload.blogId],
    );
  }
}
