import { consumerMigrations } from '@blog/consumer';
import { eventStoreMigrations } from '@blog/eventstore';
import { outboxMigrations } from '@blog/outbox';
import { sagaMigrations } from '@blog/saga';
import { CreateSubscribeReadModels1764200100000 } from './1764200100000-create-subscribe-read-models';

/** Everything subscribe's database needs, in order (the service runs them at start-up). */
export const subscribeMigrations = [
  ...outboxMigrations,
  ...consumerMigrations,
  ...sagaMigrations,
  ...eventStoreMigrations,
  CreateSubscribeReadModels1764200100000,
];
