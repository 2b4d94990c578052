import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import type { PayloadOf, PostMessages } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';

type PostUnpublished = PayloadOf<typeof PostMessages.PostUnpublished>;

/** An unpublished post takes no more visits; what it counted stays readable. */
@Injectable()
export class ClosePostCountersHandler {
  async handle(tx: SqlClient, message: InboundMessage<PostUnpublished>): Promise<void> {
    await tx.query(
      `UPDATE visit_posts SET status = 'closed', updated_at = now() WHERE post_id = $1`,
      [message.payload.postId],
    );
  }
}
