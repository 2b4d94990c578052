import { consumerMigrations } from '@blog/consumer';
import { eventStoreMigrations } from '@blog/eventstore';
import { outboxMigrations } from '@blog/outbox';
import { sagaMigrations } from '@blog/saga';
import { CreateBlogReadModels1764100000000 } from './migrations/1764100000000-create-blog-read-models';
import { IndexRecentBlogs1764300000000 } from './migrations/1764300000000-index-recent-blogs';

/** Everything the blog database needs, in order (libraries' tables first). */
export const blogMigrations = [
  ...outboxMigrations,
  ...eventStoreMigrations,
  ...consumerMigrations,
  ...sagaMigrations,
  CreateBlogReadModels1764100000000,
  IndexRecentBlogs1764300000000,
];
