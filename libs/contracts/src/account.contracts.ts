import { z } from 'zod';
import { Handle, Id, Reason } from './ids';
import { defineMessage } from './message-contract';

/** auth's account aggregate: topic `outbox.event.account`, key = account id. */
const account = { aggregateType: 'account', schemaVersion: 1 } as const;

export const AccountRegistered = defineMessage({
  ...account,
  type: 'AccountRegistered',
  schema: z.object({ accountId: Id, handle: Handle, displayName: z.string().min(1).max(100) }),
});
export const AccountActivated = defineMessage({
  ...account,
  type: 'AccountActivated',
  schema: z.object({ accountId: Id }),
});
/** Sign-up compensation: the account can never log in; `reason` says why (e.g. HANDLE_TAKEN). */
export const AccountRejected = defineMessage({
  ...account,
  type: 'AccountRejected',
  schema: z.object({ accountId: Id, reason: Reason }),
});
export const AccountSignUpTimedOut = defineMessage({
  ...account,
  type: 'AccountSignUpTimedOut',
  schema: z.object({ accountId: Id }),
});
export const AccountClosureRequested = defineMessage({
  ...account,
  type: 'AccountClosureRequested',
  schema: z.object({ accountId: Id }),
});
export const AccountClosed = defineMessage({
  ...account,
  type: 'AccountClosed',
  schema: z.object({ accountId: Id }),
});
export const AccountClosureTimedOut = defineMessage({
  ...account,
  type: 'AccountClosureTimedOut',
  schema: z.object({ accountId: Id, missing: z.array(z.string()) }),
});
