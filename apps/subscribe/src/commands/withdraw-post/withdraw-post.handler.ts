import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import type { PayloadOf, PostMessages } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';

type PostUnpublished = PayloadOf<typeof PostMessages.PostUnpublished>;

/** An unpublished post leaves every feed (it would be a dead link). */
@Injectable()
export class WithdrawPostHandler {
  async handle(tx: SqlClient, message: InboundMessage<PostUnpublished>): Promise<void> {
    await tx.query(`DELETE FROM feed_entries WHERE post_id = $1`, [message.payload.postId]);
  }
}
