import { DeadlineHost, PG_POOL, SagaAdminController } from '@blog/chassis';
import { EventStore } from '@blog/eventstore';
import { Module, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { ArchiveBlogPostsHandler } from './commands/archive-blog-posts/archive-blog-posts.handler';
import { CompletePublicationHandler } from './commands/complete-publication/complete-publication.handler';
import { DeletePostHandler } from './commands/delete-post/delete-post.handler';
import { DeletePostHttpController } from './commands/delete-post/delete-post.http.controller';
import { DraftPostHandler } from './commands/draft-post/draft-post.handler';
import { DraftPostHttpController } from './commands/draft-post/draft-post.http.controller';
import { EditPostHandler } from './commands/edit-post/edit-post.handler';
import { EditPostHttpController } from './commands/edit-post/edit-post.http.controller';
import { LearnBlogHandler } from './commands/learn-blog/learn-blog.handler';
import { PUBLICATION_DEADLINE } from './commands/publish-post/publication-deadline';
import { PublishPostHandler } from './commands/publish-post/publish-post.handler';
import { PublishPostHttpController } from './commands/publish-post/publish-post.http.controller';
import { RestoreBlogPostsHandler } from './commands/restore-blog-posts/restore-blog-posts.handler';
import { TimeOutPublicationHandler } from './commands/time-out-publication/time-out-publication.handler';
import { UnpublishPostHandler } from './commands/unpublish-post/unpublish-post.handler';
import { UnpublishPostHttpController } from './commands/unpublish-post/unpublish-post.http.controller';
import { BlogConsumer } from './consumers/blog.consumer';
import { loadPostConfig, POST_CONFIG, type PostConfig } from './infrastructure/post-config';
import { createPostEventStore } from './infrastructure/post-event-store';
import { GetPostHttpController } from './queries/get-post/get-post.http.controller';
import { GetPostQuery } from './queries/get-post/get-post.query';
import { ListPostsHttpController } from './queries/list-posts/list-posts.http.controller';
import { ListPostsQuery } from './queries/list-posts/list-posts.query';

const configuration: Provider[] = [{ provide: POST_CONFIG, useFactory: () => loadPostConfig() }];

const eventSourcing: Provider[] = [{ provide: EventStore, useFactory: createPostEventStore }];

const commands: Provider[] = [
  DraftPostHandler,
  EditPostHandler,
  PublishPostHandler,
  UnpublishPostHandler,
  DeletePostHandler,
  CompletePublicationHandler,
  TimeOutPublicationHandler,
  ArchiveBlogPostsHandler,
  RestoreBlogPostsHandler,
  LearnBlogHandler,
];

const queries: Provider[] = [GetPostQuery, ListPostsQuery];

/** Inbox handlers: microservice controllers of the inbox transport. */
const consumers = [BlogConsumer];

/** A publication the blog does not answer in time is undone (PublicationTimedOut). */
const deadlines: Provider[] = [
  {
    provide: DeadlineHost,
    inject: [PG_POOL, POST_CONFIG, TimeOutPublicationHandler],
    useFactory: (pool: Pool, config: PostConfig, timeOut: TimeOutPublicationHandler) =>
      new DeadlineHost(
        pool,
        { [PUBLICATION_DEADLINE]: (tx, deadline) => timeOut.execute(tx, deadline) },
        { intervalMs: config.DEADLINE_POLL_INTERVAL_MS },
      ),
  },
];

/** The post service: posts, their publication (saga 2) and post's step in saga 3. */
@Module({
  controllers: [
    ...consumers,
    DraftPostHttpController,
    EditPostHttpController,
    PublishPostHttpController,
    UnpublishPostHttpController,
    DeletePostHttpController,
    GetPostHttpController,
    ListPostsHttpController,
    SagaAdminController,
  ],
  providers: [...configuration, ...eventSourcing, ...commands, ...queries, ...deadlines],
})
export class PostModule {}
