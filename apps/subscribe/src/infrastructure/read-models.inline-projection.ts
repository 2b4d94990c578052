import type { RecordedEvent } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { AudienceEvent } from '../domain/audience.events';
import type { SubscriptionEvent } from '../domain/subscription.events';

type SubscribeEvent = SubscriptionEvent | AudienceEvent;

const TYPES: ReadonlySet<string> = new Set<SubscribeEvent['type']>([
  'Subscribed',
  'Unsubscribed',
  'SubscriptionRemoved',
  'AudienceOpened',
  'AudienceClosed',
  'AudienceCloseRefused',
  'AudienceRestored',
  'AudienceRetired',
]);

const isSubscribeEvent = (event: RecordedEvent): event is RecordedEvent<SubscribeEvent> =>
  TYPES.has(event.type);

/**
 * Blogs and subscriptions, written in the appending transaction: a command never decides
 * on a read model that lags its own events. A blog-level event updates all of the blog's
 * subscriptions in one statement.
 */
export async function projectReadModels(
  tx: SqlClient,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events.filter(isSubscribeEvent)) {
    switch (event.type) {
      case 'Subscribed':
        await tx.query(
          `INSERT INTO subscriptions (subscriber_id, blog_id, subscribed_at) VALUES ($1, $2, $3)
           ON CONFLICT (subscriber_id, blog_id)
           DO UPDATE SET subscribed_at = EXCLUDED.subscribed_at, closed_by_saga = NULL`,
          [event.data.subscriberId, event.data.blogId, event.data.subscribedAt],
        );
        break;
      case 'Unsubscribed':
      case 'SubscriptionRemoved':
        await tx.query(`DELETE FROM subscriptions WHERE subscriber_id = $1 AND blog_id = $2`, [
          event.data.subscriberId,
          event.data.blogId,
        ]);
        break;
      case 'AudienceOpened':
        await tx.query(
          `INSERT INTO blogs (blog_id, owner_id, title, status) VALUES ($1, $2, $3, 'active')
           ON CONFLICT (blog_id) DO NOTHING`,
          [event.data.blogId, event.data.ownerId, event.data.title],
        );
        break;
      case 'AudienceClosed':
        await tx.query(
          `INSERT INTO blogs (blog_id, status, deletion_saga_id) VALUES ($1, 'deleting', $2)
           ON CONFLICT (blog_id) DO UPDATE
             SET status = 'deleting', deletion_saga_id = $2, updated_at = now()`,
          [event.data.blogId, event.data.sagaId],
        );
        await tx.query(
          `UPDATE subscriptions SET closed_by_saga = $2 WHERE blog_id = $1 AND closed_by_saga IS NULL`,
          [event.data.blogId, event.data.sagaId],
        );
        break;
      case 'AudienceCloseRefused':
        break;
      case 'AudienceRestored':
        await tx.query(
          `UPDATE blogs SET status = 'active', deletion_saga_id = NULL, updated_at = now()
            WHERE blog_id = $1`,
          [event.data.blogId],
        );
        await tx.query(
          `UPDATE subscriptions SET closed_by_saga = NULL WHERE blog_id = $1 AND closed_by_saga = $2`,
          [event.data.blogId, event.data.sagaId],
        );
        break;
      case 'AudienceRetired':
        await tx.query(
          `INSERT INTO blogs (blog_id, status) VALUES ($1, 'deleted')
           ON CONFLICT (blog_id) DO UPDATE
             SET status = 'deleted', deletion_saga_id = NULL, updated_at = now()`,
          [event.data.blogId],
        );
        await tx.query(`DELETE FROM subscriptions WHERE blog_id = $1`, [event.data.blogId]);
        await tx.query(`DELETE FROM feed_entries WHERE blog_id = $1`, [event.data.blogId]);
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
