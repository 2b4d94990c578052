import { deciderSpec } from '@blog/testing/decider-spec';
import { aggregateStream } from '@blog/eventstore';
import type { BlogAvailability, SubscriptionCommand } from './subscription.commands';
import { decideSubscription } from './subscription.decide';
import type { SubscriptionEvent } from './subscription.events';
import { evolveSubscription } from './subscription.evolve';
import { initialSubscriptionState } from './subscription.state';

const given = deciderSpec({
  decide: decideSubscription,
  evolve: evolveSubscription,
  initialState: initialSubscriptionState,
});

const subscriberId = 'reader-1';
const blogId = 'blog-1';
const at = '2025-03-01T10:00:00.000Z';
const active: BlogAvailability = { status: 'active' };
const deletion = { sagaId: 'delete-1', sagaType: 'delete-blog' } as const;
const deleting: BlogAvailability = { status: 'deleting', lock: deletion };
const subscribe = (
  blog: BlogAvailability = active,
  accountClosed = false,
): SubscriptionCommand => ({
  type: 'Subscribe',
  subscriberId,
  blogId,
  blog,
  accountClosed,
  at,
});
const subscribed: SubscriptionEvent = {
  type: 'Subscribed',
  data: { subscriberId, blogId, subscribedAt: at },
};
const unsubscribed: SubscriptionEvent = { type: 'Unsubscribed', data: { subscriberId, blogId } };
const removed: SubscriptionEvent = {
  type: 'SubscriptionRemoved',
  data: { subscriberId, blogId, reason: 'account-closed' },
};

describe('subscription decide/evolve', () => {
  it('subscribes to an active blog', () => {
    given().when(subscribe()).then(subscribed);
  });

  it('is idempotent: subscribing again changes nothing', () => {
    given(subscribed).when(subscribe()).then();
  });

  it('subscribes again after unsubscribing', () => {
    given(subscribed, unsubscribed).when(subscribe()).then(subscribed);
  });

  it('refuses a blog it does not know, or one that was deleted', () => {
    given()
      .when(subscribe({ status: 'unknown' }))
      .thenRefuses('SUBSCRIBE.BLOG_NOT_FOUND');
    given()
      .when(subscribe({ status: 'deleted' }))
      .thenRefuses('SUBSCRIBE.BLOG_NOT_FOUND');
  });

  it('refuses a blog being deleted with the deletion saga’s lock, even when already subscribed', () => {
    const locked = expect.objectContaining({ code: 'LOCKED', lock: deletion });
    expect(() => decideSubscription(subscribe(deleting), initialSubscriptionState())).toThrow(
      locked,
    );
    given(subscribed).when(subscribe(deleting)).thenRefuses('LOCKED');
  });

  it('refuses a closed account', () => {
    given(subscribed, removed)
      .when(subscribe(active, true))
      .thenRefuses('SUBSCRIBE.ACCOUNT_CLOSED');
  });

  it('unsubscribes an active subscription only', () => {
    given(subscribed).when({ type: 'Unsubscribe' }).then(unsubscribed);
    given().when({ type: 'Unsubscribe' }).thenRefuses('SUBSCRIBE.NOT_SUBSCRIBED');
    given(subscribed, unsubscribed)
      .when({ type: 'Unsubscribe' })
      .thenRefuses('SUBSCRIBE.NOT_SUBSCRIBED');
  });

  it('removes an active subscription when the account closes, and only once', () => {
    given(subscribed).when({ type: 'RemoveSubscription', reason: 'account-closed' }).then(removed);
    given(subscribed, removed)
      .when({ type: 'RemoveSubscription', reason: 'account-closed' })
      .then();
    given(subscribed, unsubscribed)
      .when({ type: 'RemoveSubscription', reason: 'account-closed' })
      .then();
  });

  it('evolves through its lifecycle', () => {
    const fold = (...events: SubscriptionEvent[]) =>
      aggregateStream(events, evolveSubscription, initialSubscriptionState);
    expect(fold(subscribed)).toEqual({ status: 'active', subscriberId, blogId, subscribedAt: at });
    expect(fold(subscribed, unsubscribed)).toMatchObject({
      status: 'ended',
      endedBy: 'unsubscribed',
    });
    expect(fold(subscribed, removed)).toMatchObject({ status: 'ended', endedBy: 'account-closed' });
  });
});
