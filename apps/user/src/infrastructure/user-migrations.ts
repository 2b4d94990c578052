import { consumerMigrations } from '@blog/consumer';
import { eventStoreMigrations } from '@blog/eventstore';
import { outboxMigrations } from '@blog/outbox';
import { sagaMigrations } from '@blog/saga';
import { CreateProfiles1764000000100 } from './migrations/1764000000100-create-profiles';

/** Every table the user service owns, in order. */
export const userMigrations = [
  ...outboxMigrations,
  ...eventStoreMigrations,
  ...consumerMigrations,
  ...sagaMigrations,
  CreateProfiles1764000000100,
];
