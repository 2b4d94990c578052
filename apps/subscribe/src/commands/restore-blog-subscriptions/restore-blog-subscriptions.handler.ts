import { causeOfMessage, eventContextOf } from '@blog/chassis';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import { EventStore, handleCommand } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import { decideAudience } from '../../domain/audience.decide';
import { audienceStreamId } from '../../domain/audience.events';
import { audienceAggregate } from '../../infrastructure/aggregates';
import { lockBlog } from '../../infrastructure/blog-availability';
import { SYSTEM_ACTOR } from '../../infrastructure/subscribe-event-store';

/**
 * Saga 3's compensation (cancelled or timed out): reopen exactly the subscriptions this
 * saga closed. Those whose subscriber left meanwhile stay gone; another saga's closure
 * is not this saga's to undo.
 */
@Injectable()
export class RestoreBlogSubscriptionsHandler {
  constructor(private readonly store: EventStore) {}

  async handle(
    tx: SqlClient,
    message: InboundMessage<{ blogId: string }> & { sagaId: string },
  ): Promise<void> {
    const { blogId } = message.payload;
    await lockBlog(tx, blogId, 'update');
    const { rows } = await tx.query<{ closed: number }>(
      `SELECT count(*)::int AS closed FROM subscriptions WHERE blog_id = $1 AND closed_by_saga = $2`,
      [blogId, message.sagaId],
    );
    await handleCommand(
      tx,
      this.store,
      audienceStreamId(blogId),
      audienceAggregate,
      eventContextOf(causeOfMessage(message.envelope, SYSTEM_ACTOR), message.sagaId),
      (state) =>
        decideAudience(
          {
            type: 'RestoreAudience',
            blogId,
            sagaId: message.sagaId,
            closedBySaga: rows[0]?.closed ?? 0,
          },
          state,
        ),
    );
  }
}
