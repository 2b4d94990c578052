import { Module } from '@nestjs/common';
import { SagaAdminController } from '@blog/chassis';
import { EventStore } from '@blog/eventstore';

import { CloseBlogSubscriptionsHandler } from './commands/close-blog-subscriptions/close-blog-subscriptions.handler';
import { FanOutPostHandler } from './commands/fan-out-post/fan-out-post.handler';
import { RemoveAccountSubscriptionsHandler } from './commands/remove-account-subscriptions/remove-account-subscriptions.handler';
import { RestoreBlogSubscriptionsHandler } from './commands/restore-blog-subscriptions/restore-blog-subscriptions.handler';
import { RetireBlogHandler } from './commands/retire-blog/retire-blog.handler';
import { SubscribeToBlogHandler } from './commands/subscribe-to-blog/subscribe-to-blog.handler';
import { SubscribeToBlogHttpController } from './commands/subscribe-to-blog/subscribe-to-blog.http.controller';
import { TrackBlogHandler } from './commands/track-blog/track-blog.handler';
import { UnsubscribeFromBlogHandler } from './commands/unsubscribe-from-blog/unsubscribe-from-blog.handler';
import { UnsubscribeFromBlogHttpController } from './commands/unsubscribe-from-blog/unsubscribe-from-blog.http.controller';
import { WithdrawPostHandler } from './commands/withdraw-post/withdraw-post.handler';
import { AccountConsumer } from './consumers/account.consumer';
import { BlogConsumer } from './consumers/blog.consumer';
import { PostConsumer } from './consumers/post.consumer';
import { createSubscribeEventStore } from './infrastructure/subscribe-event-store';
import { MyFeedHttpController } from './queries/my-feed/my-feed.http.controller';
import { MyFeedQuery } from './queries/my-feed/my-feed.query';
import { MySubscriptionsHttpController } from './queries/my-subscriptions/my-subscriptions.http.controller';
import { MySubscriptionsQuery } from './queries/my-subscriptions/my-subscriptions.query';

const persistence = [{ provide: EventStore, useFactory: createSubscribeEventStore }];

const commands = [
  SubscribeToBlogHandler,
  UnsubscribeFromBlogHandler,
  TrackBlogHandler,
  CloseBlogSubscriptionsHandler,
  RestoreBlogSubscriptionsHandler,
  RetireBlogHandler,
  RemoveAccountSubscriptionsHandler,
  FanOutPostHandler,
  WithdrawPostHandler,
];

const queries = [MySubscriptionsQuery, MyFeedQuery];

/** Inbox handlers: microservice controllers of the inbox transport. */
const consumers = [BlogConsumer, PostConsumer, AccountConsumer];

/** The subscribe service: subscriptions (event-sourced), blogs as it sees them, feeds. */
@Module({
  controllers: [
    ...consumers,
    SubscribeToBlogHttpController,
    UnsubscribeFromBlogHttpController,
    MySubscriptionsHttpController,
    MyFeedHttpController,
    SagaAdminController,
  ],
  providers: [...persistence, ...commands, ...queries],
})
export class SubscribeModule {}
