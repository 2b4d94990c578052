import type { SubscriptionEvent } from './subscription.events';
import type { SubscriptionState } from './subscription.state';

/** The subscription after one more event. Pure; facts are never refused here. */
export function evolveSubscription(
  state: SubscriptionState,
  event: SubscriptionEvent,
): SubscriptionState {
  switch (event.type) {
    case 'Subscribed':
      return { status: 'active', ...event.data };
    case 'Unsubscribed':
      return { status: 'ended', ...event.data, endedBy: 'unsubscribed' };
    case 'SubscriptionRemoved':
      return {
        status: 'ended',
        subscriberId: event.data.subscriberId,
        blogId: event.data.blogId,
        endedBy: event.data.reason,
      };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
