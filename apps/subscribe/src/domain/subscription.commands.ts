/** What subscribe knows about a blog when someone subscribes (its own view, from blog's events). */
export type BlogAvailability = 'unknown' | 'active' | 'deleting' | 'deleted';

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
