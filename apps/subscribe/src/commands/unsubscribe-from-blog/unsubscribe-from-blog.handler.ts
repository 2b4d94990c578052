import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@blog/chassis';
import { type EventContext, EventStore, handleCommand, retryOnConflict } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import type { Pool } from 'pg';
import { decideSubscription } from '../../domain/subscription.decide';
import { subscriptionStreamId } from '../../domain/subscription.events';
import { subscriptionAggregate } from '../../infrastructure/aggregates';
import { lockBlog } from '../../infrastructure/blog-availability';

/** Ends the caller's own subscription: the stream is keyed by the caller, never by input. */
@Injectable()
export class UnsubscribeFromBlogHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async execute(
    command: { subscriberId: string; blogId: string },
    context: EventContext,
  ): Promise<void> {
    const attempt = () =>
      inTransaction(this.pool, async (tx) => {
        await lockBlog(tx, command.blogId, 'share');
        await handleCommand(
          tx,
          this.store,
          subscriptionStreamId(command.subscriberId, command.blogId),
          subscriptionAggregate,
          context,
          (state) => decideSubscription({ type: 'Unsubscribe' }, state),
        );
      });
    await retryOnConflict(attempt);
  }
}
