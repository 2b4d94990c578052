import { causeOfMessage, eventContextOf, messageContextOf } from '@blog/chassis';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import { type AccountMessages, type PayloadOf, SubscriptionMessages } from '@blog/contracts';
import { EventStore, handleCommand } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import type { SqlClient } from '@blog/sql';
import { decideSubscription } from '../../domain/subscription.decide';
import { subscriptionStreamId } from '../../domain/subscription.events';
import { lockAccount } from '../../infrastructure/account-lock';
import { subscriptionAggregate } from '../../infrastructure/aggregates';
import { SYSTEM_ACTOR } from '../../infrastructure/subscribe-event-store';

type AccountClosureRequested = PayloadOf<typeof AccountMessages.AccountClosureRequested>;

/**
 * Saga 4, subscribe's part: every subscription of the account ends (one event per
 * subscription stream), its feed is deleted, and the account cannot subscribe again.
 */
@Injectable()
export class RemoveAccountSubscriptionsHandler {
  constructor(private readonly store: EventStore) {}

  async handle(tx: SqlClient, message: InboundMessage<AccountClosureRequested>): Promise<void> {
    const { accountId } = message.payload;
    await lockAccount(tx, accountId, 'exclusive');
    await tx.query(
      `INSERT INTO closed_accounts (account_id, saga_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [accountId, message.envelope.sagaId],
    );
    const { rows } = await tx.query<{ blog_id: string }>(
      `SELECT blog_id FROM subscriptions WHERE subscriber_id = $1 ORDER BY blog_id`,
      [accountId],
    );
    const cause = causeOfMessage(message.envelope, SYSTEM_ACTOR);
    const context = eventContextOf(cause, message.envelope.sagaId);
    let removed = 0;
    for (const { blog_id: blogId } of rows) {
      const result = await handleCommand(
        tx,
        this.store,
        subscriptionStreamId(accountId, blogId),
        subscriptionAggregate,
        context,
        (state) =>
          decideSubscription({ type: 'RemoveSubscription', reason: 'account-closed' }, state),
      );
      removed += result.events.length;
    }
    await tx.query(`DELETE FROM feed_entries WHERE subscriber_id = $1`, [accountId]);
    await publishToOutbox(tx, [
      outboxMessageOf(
        SubscriptionMessages.AccountSubscriptionsRemoved,
        accountId,
        { accountId, removed },
        messageContextOf(cause, message.envelope.sagaId),
      ),
    ]);
  }
}
