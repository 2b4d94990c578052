import { Module } from '@nestjs/common';
import { SagaAdminController } from '@blog/chassis';

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

/** Inbox handlers: microservice controllers of the inbox transport. */
const consumers = [PostConsumer, BlogConsumer, AccountConsumer];

const workers = [BucketCompactionWorker];

/** The visitor service: visits, counters, unique visitors, popular posts. */
@Module({
  controllers: [
    ...consumers,
    RecordVisitHttpController,
    PostStatsHttpController,
    BlogStatsHttpController,
    PopularPostsHttpController,
    SagaAdminController,
  ],
  providers: [...commands, ...queries, ...workers],
})
export class VisitorModule {}
