import type { CommandOptions } from '@blog/eventstore';
import { evolveAudience } from '../domain/audience.evolve';
import { AUDIENCE_STREAM_TYPE, type AudienceEvent } from '../domain/audience.events';
import { type AudienceState, initialAudienceState } from '../domain/audience.state';
import { evolveSubscription } from '../domain/subscription.evolve';
import { SUBSCRIPTION_STREAM_TYPE, type SubscriptionEvent } from '../domain/subscription.events';
import { initialSubscriptionState, type SubscriptionState } from '../domain/subscription.state';

/** How `handleCommand` loads each of subscribe's aggregates (short streams: no snapshots). */
export const subscriptionAggregate: CommandOptions<SubscriptionState, SubscriptionEvent> = {
  streamType: SUBSCRIPTION_STREAM_TYPE,
  evolve: evolveSubscription,
  initialState: initialSubscriptionState,
};

export const audienceAggregate: CommandOptions<AudienceState, AudienceEvent> = {
  streamType: AUDIENCE_STREAM_TYPE,
  evolve: evolveAudience,
  initialState: initialAudienceState,
};
