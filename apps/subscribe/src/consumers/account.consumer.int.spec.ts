import { randomUUID } from 'node:crypto';
import { consumerDefinitionOf, type ConsumerDefinition } from '@blog/chassis';
import { type ConsumedRecord, MessageProcessor } from '@blog/consumer';
import { AccountMessages, BlogMessages, PostMessages } from '@blog/contracts';
import { readSagaLog } from '@blog/saga';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { CloseBlogSubscriptionsHandler } from '../commands/close-blog-subscriptions/close-blog-subscriptions.handler';
import { FanOutPostHandler } from '../commands/fan-out-post/fan-out-post.handler';
import { RemoveAccountSubscriptionsHandler } from '../commands/remove-account-subscriptions/remove-account-subscriptions.handler';
import { RestoreBlogSubscriptionsHandler } from '../commands/restore-blog-subscriptions/restore-blog-subscriptions.handler';
import { RetireBlogHandler } from '../commands/retire-blog/retire-blog.handler';
import { SubscribeToBlogHandler } from '../commands/subscribe-to-blog/subscribe-to-blog.handler';
import { TrackBlogHandler } from '../commands/track-blog/track-blog.handler';
import { WithdrawPostHandler } from '../commands/withdraw-post/withdraw-post.handler';
import { subscribeMigrations } from '../infrastructure/migrations/subscribe-migrations';
import { createSubscribeEventStore } from '../infrastructure/subscribe-event-store';
import { AccountConsumer } from './account.consumer';
import { BlogConsumer } from './blog.consumer';
import { PostConsumer } from './post.consumer';

// Saga 4 (close an account), subscribe's part; every message delivered twice.

let offset = 0;
function record(
  contract: { topic: string; type: string },
  key: string,
  payload: object,
  sagaId: string = randomUUID(),
): ConsumedRecord {
  offset += 1;
  return {
    topic: contract.topic,
    partition: 0,
    offset: String(offset),
    key,
    value: JSON.stringify(payload),
    headers: {
      id: randomUUID(),
      eventType: contract.type,
      correlationId: randomUUID(),
      sagaId,
      occurredAt: new Date().toISOString(),
      schemaVersion: '1',
    },
  };
}

describe('subscribe: removing a closed account’s subscriptions and feed (saga 4)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let processors: Record<'blogs' | 'posts' | 'accounts', MessageProcessor>;
  let subscribeToBlog: SubscribeToBlogHandler;
  const context = { correlationId: 'saga-4-spec' };

  const twice = async (processor: MessageProcessor, message: ConsumedRecord) => [
    await processor.process(message),
    await processor.process(message),
  ];

  beforeAll(async () => {
    database = await createTestDatabase('subscribe_saga4');
    await database.migrate(subscribeMigrations);
    pool = database.pool();
    const store = createSubscribeEventStore();
    const processor = (definition: ConsumerDefinition) =>
      new MessageProcessor({
        consumer: definition.name,
        pool,
        handlers: definition.handlers,
        deadLetters: { publish: async () => undefined },
        retry: { attempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
      });
    processors = {
      blogs: processor(
        consumerDefinitionOf(
          new BlogConsumer(
            new TrackBlogHandler(store),
            new CloseBlogSubscriptionsHandler(store),
            new RestoreBlogSubscriptionsHandler(store),
            new RetireBlogHandler(store),
          ),
        ),
      ),
      posts: processor(
        consumerDefinitionOf(new PostConsumer(new FanOutPostHandler(), new WithdrawPostHandler())),
      ),
      accounts: processor(
        consumerDefinitionOf(new AccountConsumer(new RemoveAccountSubscriptionsHandler(store))),
      ),
    };
    subscribeToBlog = new SubscribeToBlogHandler(pool, store);
  });
  afterAll(() => database.drop());

  it('ends every subscription, deletes the feed, answers once, and refuses new subscriptions', async () => {
    const [closing, other] = [randomUUID(), randomUUID()];
    const blogIds = [randomUUID(), randomUUID()];
    for (const blogId of blogIds) {
      await twice(
        processors.blogs,
        record(BlogMessages.BlogCreated, blogId, {
          blogId,
          ownerId: randomUUID(),
          title: 'Notes',
          slug: 'notes',
        }),
      );
      await subscribeToBlog.execute({ subscriberId: closing, blogId }, context);
      await subscribeToBlog.execute({ subscriberId: other, blogId }, context);
      const postId = randomUUID();
      await twice(
        processors.posts,
        record(PostMessages.PostPublished, postId, {
          postId,
          blogId,
          authorId: randomUUID(),
          title: 'Hello',
          slug: 'hello',
          publishedAt: new Date().toISOString(),
        }),
      );
    }

    const sagaId = randomUUID();
    expect(
      await twice(
        processors.accounts,
        record(AccountMessages.AccountClosureRequested, closing, { accountId: closing }, sagaId),
      ),
    ).toEqual(['processed', 'duplicate']);

    const counts = async (subscriberId: string) =>
      (
        await pool.query(
          `SELECT (SELECT count(*) FROM subscriptions WHERE subscriber_id = $1)::int AS subscriptions,
                  (SELECT count(*) FROM feed_entries WHERE subscriber_id = $1)::int AS entries`,
          [subscriberId],
        )
      ).rows[0];
    expect(await counts(closing)).toEqual({ subscriptions: 0, entries: 0 });
    expect(await counts(other)).toEqual({ subscriptions: 2, entries: 2 });
    const { rows } = await pool.query(
      `SELECT type, aggregateid, payload, saga_id FROM outbox WHERE aggregateid = $1`,
      [closing],
    );
    expect(rows).toEqual([
      {
        type: 'AccountSubscriptionsRemoved',
        aggregateid: closing,
        payload: { accountId: closing, removed: 2 },
        saga_id: sagaId,
      },
    ]);
    expect(await readSagaLog(pool, sagaId)).toMatchObject([
      { sagaType: 'close-account', step: 'subscribe.remove-subscriptions', outcome: 'succeeded' },
    ]);
    await expect(
      subscribeToBlog.execute({ subscriberId: closing, blogId: blogIds[0] ?? '' }, context),
    ).rejects.toMatchObject({ code: 'SUBSCRIBE.ACCOUNT_CLOSED' });
  });
});
