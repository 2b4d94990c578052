import { z } from 'zod';
import { Id, Reason } from './ids';
import { defineMessage } from './message-contract';

/** subscribe's replies: topic `outbox.event.subscription`, key = blog id or account id. */
const subscription = { aggregateType: 'subscription', schemaVersion: 1 } as const;

export const BlogSubscriptionsClosed = defineMessage({
  ...subscription,
  type: 'BlogSubscriptionsClosed',
  schema: z.object({ blogId: Id, closed: z.number().int().min(0) }),
});
export const BlogSubscriptionsCloseRefused = defineMessage({
  ...subscription,
  type: 'BlogSubscriptionsCloseRefused',
  schema: z.object({ blogId: Id, reason: Reason }),
});
export const AccountSubscriptionsRemoved = defineMessage({
  ...subscription,
  type: 'AccountSubscriptionsRemoved',
  schema: z.object({ accountId: Id, removed: z.number().int().min(0) }),
});
