import { consumerMigrations } from '@blog/consumer';
import { eventStoreMigrations } from '@blog/eventstore';
import { outboxMigrations } from '@blog/outbox';
import { sagaMigrations } from '@blog/saga';
import { CreateAuthTables1764000000000 } from './migrations/1764000000000-create-auth-tables';

/** Every table auth owns, in order; the service runs them at start-up, specs on a fresh database. */
export const authMigrations = [
  ...outboxMigrations,
  ...eventStoreMigrations,
  ...consumerMigrations,
  ...sagaMigrations,
  CreateAuthTables1764000000000,
];
