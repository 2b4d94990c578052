import { z } from 'zod';
import { Id, Reason } from './ids';
import { EXAMPLE_IDS } from './examples';
import { defineMessage } from './message-contract';

/** subscribe's replies: topic `outbox.event.subscription`, key = blog id or account id. */
const subscription = {
  aggregateType: 'subscription',
  publisher: 'subscribe',
  schemaVersion: 1,
} as const;
const { accountId, blogId } = EXAMPLE_IDS;

export const BlogSubscriptionsClosed = defineMessage({
  ...subscription,
  type: 'BlogSubscriptionsClosed',
  schema: z.object({ blogId: Id, closed: z.number().int().min(0) }),
  key: 'blogId',
  example: { blogId, closed: 12 },
});
export const BlogSubscriptionsCloseRefused = defineMessage({
  ...subscription,
  type: 'BlogSubscriptionsCloseRefused',
  schema: z.object({ blogId: Id, reason: Reason }),
  key: 'blogId',
  example: { blogId, reason: 'The blog is already deleted' },
});
export const AccountSubscriptionsRemoved = defineMessage({
  ...subscription,
  type: 'AccountSubscriptionsRemoved',
  schema: z.object({ accountId: Id, removed: z.number().int().min(0) }),
  key: 'accountId',
  example: { accountId, removed: 3 },
});
