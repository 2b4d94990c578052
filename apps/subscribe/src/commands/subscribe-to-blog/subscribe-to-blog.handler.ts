import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@blog/chassis';
import { type EventContext, EventStore, handleCommand, retryOnConflict } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import type { Pool } from 'pg';
import { decideSubscription } from '../../domain/subscription.decide';
import { subscriptionStreamId } from '../../domain/subscription.events';
import { lockAccount } from '../../infrastructure/account-lock';
import { subscriptionAggregate } from '../../infrastructure/aggregates';
import { lockBlog } from '../../infrastructure/blog-availability';

export interface SubscriptionView {
  readonly blogId: string;
  readonly status: 'active';
  readonly subscribedAt: string;
}

export interface SubscribeResult {
  /** false when the caller was already subscribed (the request changed nothing). */
  readonly created: boolean;
  readonly subscription: SubscriptionView;
}

@Injectable()
export class SubscribeToBlogHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  execute(
    command: { subscriberId: string; blogId: string },
    context: EventContext,
  ): Promise<SubscribeResult> {
    const { subscriberId, blogId } = command;
    const attempt = () =>
      inTransaction(this.pool, async (tx) => {
        await lockAccount(tx, subscriberId, 'shared');
        const blog = await lockBlog(tx, blogId, 'share');
        const closed = await tx.query(`SELECT 1 FROM closed_accounts WHERE account_id = $1`, [
          subscriberId,
        ]);
        const result = await handleCommand(
          tx,
          this.store,
          subscriptionStreamId(subscriberId, blogId),
          subscriptionAggregate,
          context,
          (state) =>
            decideSubscription(
              {
                type: 'Subscribe',
                subscriberId,
                blogId,
                blog,
                accountClosed: (closed.rowCount ?? 0) > 0,
                at: new Date().toISOString(),
              },
              state,
            ),
        );
        if (result.state.status !== 'active') throw new Error('subscribe left no subscription');
        return {
          created: result.events.length > 0,
          subscription: { blogId, status: 'active', subscribedAt: result.state.subscribedAt },
        } as const;
      });
    return retryOnConflict(attempt);
  }
}
