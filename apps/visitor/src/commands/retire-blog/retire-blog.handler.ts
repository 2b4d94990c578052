import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import type { BlogMessages, PayloadOf } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';

type BlogDeleted = PayloadOf<typeof BlogMessages.BlogDeleted>;

/** A deleted blog's posts take no more visits; their counts stay readable. */
@Injectable()
export class RetireBlogHandler {
  async handle(tx: SqlClient, message: InboundMessage<BlogDeleted>): Promise<void> {
    const { blogId } = message.payload;
    await tx.query(
      `INSERT INTO visit_blogs (blog_id, status) VALUES ($1, 'deleted')
       ON CONFLICT (blog_id) DO UPDATE SET status = 'deleted', updated_at = now()`,
      [blogId],
    );
    await tx.query(
      `UPDATE visit_posts SET status = 'closed', updated_at = now()
        WHERE blog_id = $1 AND status = 'open'`,
      [blogId],
    );
  }
}
