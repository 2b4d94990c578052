import { consumerMigrations } from '@blog/consumer';
import { outboxMigrations } from '@blog/outbox';
import { sagaMigrations } from '@blog/saga';
import { CreateVisitTables1764200000000 } from './1764200000000-create-visit-tables';

/** Everything visitor's database needs, in order (the service runs them at start-up). */
export const visitorMigrations = [
  ...outboxMigrations,
  ...consumerMigrations,
  ...sagaMigrations,
  CreateVisitTables1764200000000,
];
