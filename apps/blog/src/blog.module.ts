import { DeadlineHost, PG_POOL, SagaAdminController } from '@blog/chassis';
import { EventStore } from '@blog/eventstore';
import { Module, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { ApprovePublicationHandler } from './commands/approve-publication/approve-publication.handler';
import { CreateBlogHandler } from './commands/create-blog/create-blog.handler';
import { CreateBlogHttpController } from './commands/create-blog/create-blog.http.controller';
import { DeleteAccountBlogsHandler } from './commands/delete-account-blogs/delete-account-blogs.handler';
import { DeleteBlogHandler } from './commands/delete-blog/delete-blog.handler';
import { DeleteBlogHttpController } from './commands/delete-blog/delete-blog.http.controller';
import { DELETION_DEADLINE } from './commands/delete-blog/deletion-deadline';
import { RecordDeletionAnswerHandler } from './commands/record-deletion-answer/record-deletion-answer.handler';
import { TimeOutDeletionHandler } from './commands/time-out-deletion/time-out-deletion.handler';
import { UpdateBlogHandler } from './commands/update-blog/update-blog.handler';
import { UpdateBlogHttpController } from './commands/update-blog/update-blog.http.controller';
import { AccountClosureConsumer } from './consumers/account-closure.consumer';
import { BlogDeletionConsumer } from './consumers/blog-deletion.consumer';
import { PublicationConsumer } from './consumers/publication.consumer';
import { BLOG_CONFIG, type BlogConfig, loadBlogConfig } from './infrastructure/blog-config';
import { createBlogEventStore } from './infrastructure/blog-event-store';
import { GetBlogHttpController } from './queries/get-blog/get-blog.http.controller';
import { GetBlogQuery } from './queries/get-blog/get-blog.query';
import { ListBlogsHttpController } from './queries/list-blogs/list-blogs.http.controller';
import { ListBlogsQuery } from './queries/list-blogs/list-blogs.query';

const configuration: Provider[] = [{ provide: BLOG_CONFIG, useFactory: () => loadBlogConfig() }];

const eventSourcing: Provider[] = [{ provide: EventStore, useFactory: createBlogEventStore }];

const commands: Provider[] = [
  CreateBlogHandler,
  UpdateBlogHandler,
  DeleteBlogHandler,
  ApprovePublicationHandler,
  RecordDeletionAnswerHandler,
  TimeOutDeletionHandler,
  DeleteAccountBlogsHandler,
];

const queries: Provider[] = [GetBlogQuery, ListBlogsQuery];

/** Inbox handlers: microservice controllers of the inbox transport. */
const consumers = [PublicationConsumer, BlogDeletionConsumer, AccountClosureConsumer];

/** A deletion whose participants do not all answer in time is undone (BlogDeletionTimedOut). */
const deadlines: Provider[] = [
  {
    provide: DeadlineHost,
    inject: [PG_POOL, BLOG_CONFIG, TimeOutDeletionHandler],
    useFactory: (pool: Pool, config: BlogConfig, timeOut: TimeOutDeletionHandler) =>
      new DeadlineHost(
        pool,
        { [DELETION_DEADLINE]: (tx, deadline) => timeOut.execute(tx, deadline) },
        { intervalMs: config.DEADLINE_POLL_INTERVAL_MS },
      ),
  },
];

/** The blog service: blogs, their lifecycle, and blog's steps in sagas 2, 3 and 4. */
@Module({
  controllers: [
    ...consumers,
    CreateBlogHttpController,
    UpdateBlogHttpController,
    DeleteBlogHttpController,
    GetBlogHttpController,
    ListBlogsHttpController,
    SagaAdminController,
  ],
  providers: [...configuration, ...eventSourcing, ...commands, ...queries, ...deadlines],
})
export class BlogModule {}
