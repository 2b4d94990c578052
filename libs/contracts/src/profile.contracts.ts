import { z } from 'zod';
import { Handle, Id, Reason } from './ids';
import { defineMessage } from './message-contract';

/** user's profile aggregate: topic `outbox.event.profile`, key = account id. */
const profile = { aggregateType: 'profile', schemaVersion: 1 } as const;

export const ProfileCreated = defineMessage({
  ...profile,
  type: 'ProfileCreated',
  schema: z.object({ accountId: Id, handle: Handle }),
});
export const ProfileRejected = defineMessage({
  ...profile,
  type: 'ProfileRejected',
  schema: z.object({ accountId: Id, handle: z.string().max(100), reason: Reason }),
});
export const ProfileAnonymised = defineMessage({
  ...profile,
  type: 'ProfileAnonymised',
  schema: z.object({ accountId: Id }),
});
