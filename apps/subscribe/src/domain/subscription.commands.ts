import type { SemanticLock } from '@blog/domain';

/**
 * What subscribe knows about a blog when someone subscribes (its own view, from blog's
 * events); a blog being deleted carries the deletion saga's lock.
 */
export type BlogAvailability =
  | { readonly status: 'unknown' | 'active' | 'deleted' }
  | { readonly status: 'deleting'; readonly lock: SemanticLock };

export type SubscriptionCommand =
  | {
      readonly type: 'Subscribe';
      readonly subscriberId: string;
      readonly blogId: string;
      readonly blog: BlogAvailability;
      readonly accountClosed: boolean;
      /** ISO-8601: decide is pure, so the clock is an input. */
      readonly at: string;
    }
  | { readonly type: 'Unsubscribe' }
  | { readonly type: 'RemoveSubscription'; readonly reason: 'account-closed' };
