import { consumerMigrations } from '@blog/consumer';
import { eventStoreMigrations } from '@blog/eventstore';
import { outboxMigrations } from '@blog/outbox';
import { sagaMigrations } from '@blog/saga';
import { CreatePostReadModels1764100000000 } from './migrations/1764100000000-create-post-read-models';

/** Everything the post database needs, in order (libraries' tables first). */
export const postMigrations = [
  ...outboxMigrations,
  ...eventStoreMigrations,
  ...consumerMigrations,
  ...sagaMigrations,
  CreatePostReadModels1764100000000,
];
