import { causeOfMessage, eventContextOf, messageContextOf } from '@blog/chassis';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import { type BlogMessages, type PayloadOf, SubscriptionMessages } from '@blog/contracts';
import { EventStore, handleCommand } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import type { SagaOutcome } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { decideAudience } from '../../domain/audience.decide';
import { audienceStreamId } from '../../domain/audience.events';
import { audienceAggregate } from '../../infrastructure/aggregates';
import { lockBlog } from '../../infrastructure/blog-availability';
import { SYSTEM_ACTOR } from '../../infrastructure/subscribe-event-store';

type BlogDeletionRequested = PayloadOf<typeof BlogMessages.BlogDeletionRequested>;

/**
 * Saga 3, subscribe's part: the blog's open subscriptions close (no feed entries, no new
 * subscribers) and blog hears how many, or why not.
 */
@Injectable()
export class CloseBlogSubscriptionsHandler {
  constructor(private readonly store: EventStore) {}

  async handle(
    tx: SqlClient,
    message: InboundMessage<BlogDeletionRequested> & { sagaId: string },
  ): Promise<SagaOutcome> {
    const { blogId } = message.payload;
    const cause = causeOfMessage(message.envelope, SYSTEM_ACTOR);
    await lockBlog(tx, blogId, 'update');
    const { rows } = await tx.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM subscriptions WHERE blog_id = $1 AND closed_by_saga IS NULL`,
      [blogId],
    );
    const result = await handleCommand(
      tx,
      this.store,
      audienceStreamId(blogId),
      audienceAggregate,
      eventContextOf(cause, message.sagaId),
      (state) =>
        decideAudience(
          {
            type: 'CloseAudience',
            blogId,
            sagaId: message.sagaId,
            openSubscriptions: rows[0]?.open ?? 0,
          },
          state,
        ),
    );
    const event = result.events[0];
    const context = messageContextOf(cause, message.sagaId);
    if (event?.type === 'AudienceCloseRefused') {
      await publishToOutbox(tx, [
        outboxMessageOf(
          SubscriptionMessages.BlogSubscriptionsCloseRefused,
          blogId,
          { blogId, reason: event.data.reason },
          context,
        ),
      ]);
      return 'failed';
    }
    // Closed now, or already closed for this very saga (a re-sent request): same answer.
    if (result.state.status !== 'deleting') throw new Error(`blog ${blogId} did not close`);
    await publishToOutbox(tx, [
      outboxMessageOf(
        SubscriptionMessages.BlogSubscriptionsClosed,
        blogId,
        { blogId, closed: result.state.closed },
        context,
      ),
    ]);
    return 'succeeded';
  }
}
