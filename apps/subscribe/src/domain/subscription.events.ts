import type { Event } from '@blog/domain';

/**
 * One subscription = one stream (`subscription-<subscriber>-<blog>`): the pair is the
 * identity, so subscribing twice meets the same stream (idempotent), two people never
 * contend, and each stream stays a handful of events long.
 */
export type Subscribed = Event<
  'Subscribed',
  { readonly subscriberId: string; readonly blogId: string; readonly subscribedAt: string }
>;
export type Unsubscribed = Event<
  'Unsubscribed',
  { readonly subscriberId: string; readonly blogId: string }
>;
/** The subscriber's account was closed (saga 4). */
export type SubscriptionRemoved = Event<
  'SubscriptionRemoved',
  { readonly subscriberId: string; readonly blogId: string; readonly reason: 'account-closed' }
>;

export type SubscriptionEvent = Subscribed | Unsubscribed | SubscriptionRemoved;

export const SUBSCRIPTION_STREAM_TYPE = 'subscription';
export const subscriptionStreamId = (subscriberId: string, blogId: string) =>
  `subscription-${subscriberId}-${blogId}`;
