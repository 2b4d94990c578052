import { AppError, LockedError } from '@blog/domain';
import type { SubscriptionCommand } from './subscription.commands';
import type { SubscriptionEvent } from './subscription.events';
import type { SubscriptionState } from './subscription.state';

/**
 * The subscription's rules. Pure: every fact it needs arrives in the command; refusals throw
 * an AppError, or LockedError while the blog's deletion saga holds it.
 */
export function decideSubscription(
  command: SubscriptionCommand,
  state: SubscriptionState,
): SubscriptionEvent[] {
  switch (command.type) {
    case 'Subscribe': {
      if (command.accountClosed) {
        throw new AppError('conflict', 'SUBSCRIBE.ACCOUNT_CLOSED', 'This account is closed');
      }
      const { blog } = command;
      if (blog.status === 'unknown' || blog.status === 'deleted') {
        throw new AppError('not-found', 'SUBSCRIBE.BLOG_NOT_FOUND', 'No blog with this id');
      }
      // 409 LOCKED naming the deletion saga, as every service answers a saga's lock.
      if (blog.status === 'deleting') {
        throw new LockedError(`blog ${command.blogId}`, blog.lock, 'subscribe to it');
      }
      if (state.status === 'active') return [];
      const { subscriberId, blogId, at } = command;
      return [{ type: 'Subscribed', data: { subscriberId, blogId, subscribedAt: at } }];
    }
    case 'Unsubscribe':
      if (state.status !== 'active') {
        throw new AppError('not-found', 'SUBSCRIBE.NOT_SUBSCRIBED', 'Not subscribed to this blog');
      }
      return [
        { type: 'Unsubscribed', data: { subscriberId: state.subscriberId, blogId: state.blogId } },
      ];
    case 'RemoveSubscription':
      if (state.status !== 'active') return [];
      return [
        {
          type: 'SubscriptionRemoved',
          data: { subscriberId: state.subscriberId, blogId: state.blogId, reason: command.reason },
        },
      ];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
