import { z } from 'zod';
import { Handle, Id, Reason } from './ids';
import { EXAMPLE_IDS } from './examples';
import { defineMessage } from './message-contract';

/** auth's account aggregate: topic `outbox.event.account`, key = account id. */
const account = { aggregateType: 'account', publisher: 'auth', schemaVersion: 1 } as const;
const { accountId } = EXAMPLE_IDS;

export const AccountRegistered = defineMessage({
  ...account,
  type: 'AccountRegistered',
  schema: z.object({ accountId: Id, handle: Handle, displayName: z.string().min(1).max(100) }),
  key: 'accountId',
  example: { accountId, handle: 'ada_lovelace', displayName: 'Ada Lovelace' },
});
export const AccountActivated = defineMessage({
  ...account,
  type: 'AccountActivated',
  schema: z.object({ accountId: Id }),
  key: 'accountId',
  example: { accountId },
});
/** Sign-up compensation: the account can never log in; `reason` says why (e.g. HANDLE_TAKEN). */
export const AccountRejected = defineMessage({
  ...account,
  type: 'AccountRejected',
  schema: z.object({ accountId: Id, reason: Reason }),
  key: 'accountId',
  example: { accountId, reason: 'HANDLE_TAKEN' },
});
export const AccountSignUpTimedOut = defineMessage({
  ...account,
  type: 'AccountSignUpTimedOut',
  schema: z.object({ accountId: Id }),
  key: 'accountId',
  example: { accountId },
});
export const AccountClosureRequested = defineMessage({
  ...account,
  type: 'AccountClosureRequested',
  schema: z.object({ accountId: Id }),
  key: 'accountId',
  example: { accountId },
});
export const AccountClosed = defineMessage({
  ...account,
  type: 'AccountClosed',
  schema: z.object({ accountId: Id }),
  key: 'accountId',
  example: { accountId },
});
export const AccountClosureTimedOut = defineMessage({
  ...account,
  type: 'AccountClosureTimedOut',
  schema: z.object({ accountId: Id, missing: z.array(z.string()) }),
  key: 'accountId',
  example: { accountId, missing: ['AccountVisitsAnonymised'] },
});
