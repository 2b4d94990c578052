import { Module } from '@nestjs/common';
import {
  ConsumerHost,
  PG_POOL,
  SagaAdminController,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@blog/chassis';
import type { Pool } from 'pg';
import { AnonymiseAccountVisitsHandler } from './commands/anonymise-account-visits/anonymise-account-visits.handler';
import { ClosePostCountersHandler } from './commands/close-post-counters/close-post-counters.handler';
import { OpenPostCountersHandler } from './commands/open-post-counters/open-post-counters.handler';
import { RecordVisitHandler } from './commands/record-visit/record-visit.handler';
import { RecordVisitHttpController } from './commands/record-visit/record-visit.http.controller';
import { RetireBlogHandler } from './commands/retire-blog/retire-blog.handler';
import { TrackBlogHandler } from './commands/track-blog/track-blog.handler';
import { AccountConsumer } from './consumers/account.consumer';
import { BlogConsumer } from './consumers/blog.consumer';
import { PostConsumer } from './consumers/post.consumer';
import { BucketCompactionWorker } from './infrastructure/bucket-compaction.worker';
import { BlogStatsHttpController } from './queries/blog-stats/blog-stats.http.controller';
import { BlogStatsQuery } from './queries/blog-stats/blog-stats.query';
import { PopularPostsHttpController } from './queries/popular-posts/popular-posts.http.controller';
import { PopularPostsQuery } from './queries/popular-posts/popular-posts.query';
import { PostStatsHttpController } from './queries/post-stats/post-stats.http.controller';
import { PostStatsQuery } from './queries/post-stats/post-stats.query';

const commands = [
  RecordVisitHandler,
  OpenPostCountersHandler,
  ClosePostCountersHandler,
  TrackBlogHandler,
  RetireBlogHandler,
  AnonymiseAccountVisitsHandler,
];

const queries = [PostStatsQuery, BlogStatsQuery, PopularPostsQuery];

const consumers = [PostConsumer, BlogConsumer, AccountConsumer];

const workers = [BucketCompactionWorker];

const messaging = [
  {
    provide: ConsumerHost,
    inject: [SERVICE_CONFIG, PG_POOL, PostConsumer, BlogConsumer, AccountConsumer],
    useFactory: (
      config: ServiceConfig,
      pool: Pool,
      posts: PostConsumer,
      blogs: BlogConsumer,
      accounts: AccountConsumer,
    ) =>
      new ConsumerHost(config, pool, [
        posts.definition(),
        blogs.definition(),
        accounts.definition(),
      ]),
  },
];

/** The visitor service: visits, counters, unique visitors, popular posts. */
@Module({
  controllers: [
    RecordVisitHttpController,
    PostStatsHttpController,
    BlogStatsHttpController,
    PopularPostsHttpController,
    SagaAdminController,
  ],
  providers: [...commands, ...queries, ...consumers, ...messaging, ...workers],
})
export class VisitorModule {}
