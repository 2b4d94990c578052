import { z } from 'zod';
import { Handle, Id, Reason } from './ids';
import { EXAMPLE_IDS } from './examples';
import { defineMessage } from './message-contract';

/** user's profile aggregate: topic `outbox.event.profile`, key = account id. */
const profile = { aggregateType: 'profile', publisher: 'user', schemaVersion: 1 } as const;
const { accountId } = EXAMPLE_IDS;

export const ProfileCreated = defineMessage({
  ...profile,
  type: 'ProfileCreated',
  schema: z.object({ accountId: Id, handle: Handle }),
  key: 'accountId',
  example: { accountId, handle: 'ada_lovelace' },
});
export const ProfileRejected = defineMessage({
  ...profile,
  type: 'ProfileRejected',
  schema: z.object({ accountId: Id, handle: z.string().max(100), reason: Reason }),
  key: 'accountId',
  example: { accountId, handle: 'ada_lovelace', reason: 'HANDLE_TAKEN' },
});
export const ProfileAnonymised = defineMessage({
  ...profile,
  type: 'ProfileAnonymised',
  schema: z.object({ accountId: Id }),
  key: 'accountId',
  example: { accountId },
});
