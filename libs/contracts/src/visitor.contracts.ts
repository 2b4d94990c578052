import { z } from 'zod';
import { EXAMPLE_IDS } from './examples';
import { Id } from './ids';
import { defineMessage } from './message-contract';

/** visitor's replies: topic `outbox.event.visitor`, key = account id. */
export const AccountVisitsAnonymised = defineMessage({
  aggregateType: 'visitor',
  publisher: 'visitor',
  schemaVersion: 1,
  type: 'AccountVisitsAnonymised',
  schema: z.object({ accountId: Id, visits: z.number().int().min(0) }),
  key: 'accountId',
  example: { accountId: EXAMPLE_IDS.accountId, visits: 42 },
});
