import { randomUUID } from 'node:crypto';
import { consumerDefinitionOf, type ConsumerDefinition } from '@blog/chassis';
import type { ConsumedRecord, ProcessOutcome } from '@blog/consumer';
import { MessageProcessor } from '@blog/consumer';
import { BlogMessages, PostMessages } from '@blog/contracts';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { FanOutPostHandler } from '../commands/fan-out-post/fan-out-post.handler';
import { RetireBlogHandler } from '../commands/retire-blog/retire-blog.handler';
import { SubscribeToBlogHandler } from '../commands/subscribe-to-blog/subscribe-to-blog.handler';
import { TrackBlogHandler } from '../commands/track-blog/track-blog.handler';
import { UnsubscribeFromBlogHandler } from '../commands/unsubscribe-from-blog/unsubscribe-from-blog.handler';
import { WithdrawPostHandler } from '../commands/withdraw-post/withdraw-post.handler';
import { CloseBlogSubscriptionsHandler } from '../commands/close-blog-subscriptions/close-blog-subscriptions.handler';
import { RestoreBlogSubscriptionsHandler } from '../commands/restore-blog-subscriptions/restore-blog-subscriptions.handler';
import { subscribeMigrations } from '../infrastructure/migrations/subscribe-migrations';
import { createSubscribeEventStore } from '../infrastructure/subscribe-event-store';
import { BlogConsumer } from './blog.consumer';
import { PostConsumer } from './post.consumer';

// Feed fan-out through the real MessageProcessor (inbox, transaction) on a fresh database,
// with every record delivered twice, as Kafka's at-least-once delivery allows.

let offset = 0;
function record(
  contract: { topic: string; type: string },
  key: string,
  payload: object,
  headers: Record<string, string> = {},
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
      sagaId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: '1',
      ...headers,
    },
  };
}

describe('subscribe: feed fan-out', () => {
  let database: TestDatabase;
  let pool: Pool;
  let blogs: MessageProcessor;
  let posts: MessageProcessor;
  let subscribeToBlog: SubscribeToBlogHandler;
  let unsubscribeFromBlog: UnsubscribeFromBlogHandler;
  const context = { correlationId: 'fan-out-spec' };

  const deliverTwice = async (processor: MessageProcessor, message: ConsumedRecord) => {
    const outcomes: ProcessOutcome[] = [];
    outcomes.push(await processor.process(message));
    outcomes.push(await processor.process(message));
    return outcomes;
  };
  const blogCreated = (blogId: string) =>
    record(BlogMessages.BlogCreated, blogId, {
      blogId,
      ownerId: randomUUID(),
      title: 'Field notes',
      slug: 'field-notes',
    });
  const postPublished = (blogId: string, postId = randomUUID(), publishedAt = new Date()) =>
    record(PostMessages.PostPublished, postId, {
      postId,
      blogId,
      authorId: randomUUID(),
      title: `Post ${postId.slice(0, 8)}`,
      slug: `post-${postId}`,
      publishedAt: publishedAt.toISOString(),
    });
  const feedOf = async (subscriberId: string) =>
    (
      await pool.query<{ post_id: string }>(
        `SELECT post_id FROM feed_entries WHERE subscriber_id = $1 ORDER BY published_at DESC`,
        [subscriberId],
      )
    ).rows.map((row) => row.post_id);

  beforeAll(async () => {
    database = await createTestDatabase('subscribe_fanout');
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
    blogs = processor(
      consumerDefinitionOf(
        new BlogConsumer(
          new TrackBlogHandler(store),
          new CloseBlogSubscriptionsHandler(store),
          new RestoreBlogSubscriptionsHandler(store),
          new RetireBlogHandler(store),
        ),
      ),
    );
    posts = processor(
      consumerDefinitionOf(new PostConsumer(new FanOutPostHandler(), new WithdrawPostHandler())),
    );
    subscribeToBlog = new SubscribeToBlogHandler(pool, store);
    unsubscribeFromBlog = new UnsubscribeFromBlogHandler(pool, store);
  });
  afterAll(() => database.drop());

  it('puts each published post in each subscriber’s feed exactly once', async () => {
    const blogId = randomUUID();
    const readers = [randomUUID(), randomUUID(), randomUUID()];
    expect(await deliverTwice(blogs, blogCreated(blogId))).toEqual(['processed', 'duplicate']);
    for (const reader of readers) {
      await subscribeToBlog.execute({ subscriberId: reader, blogId }, context);
    }

    const first = postPublished(blogId, randomUUID(), new Date(Date.now() - 60_000));
    const second = postPublished(blogId);
    expect(await deliverTwice(posts, first)).toEqual(['processed', 'duplicate']);
    expect(await deliverTwice(posts, second)).toEqual(['processed', 'duplicate']);
    // The same post published again (a new message, e.g. a republish) lands once per feed too.
    const again = { ...second, headers: { ...second.headers, id: randomUUID() } };
    expect(await deliverTwice(posts, again)).toEqual(['processed', 'duplicate']);

    for (const reader of readers) {
      expect(await feedOf(reader)).toEqual([second.key, first.key]);
    }
    const { rows } = await pool.query(
      `SELECT count(*)::int AS steps FROM saga_log WHERE step = 'subscribe.fan-out-feed' AND saga_id = $1`,
      [first.headers['sagaId']],
    );
    expect(rows[0]).toEqual({ steps: 1 });
  });

  it('stops feeding a reader who unsubscribed, and never feeds other blogs’ readers', async () => {
    const [blogId, otherBlogId] = [randomUUID(), randomUUID()];
    const [stays, leaves, elsewhere] = [randomUUID(), randomUUID(), randomUUID()];
    await deliverTwice(blogs, blogCreated(blogId));
    await deliverTwice(blogs, blogCreated(otherBlogId));
    await subscribeToBlog.execute({ subscriberId: stays, blogId }, context);
    await subscribeToBlog.execute({ subscriberId: leaves, blogId }, context);
    await subscribeToBlog.execute({ subscriberId: elsewhere, blogId: otherBlogId }, context);

    const before = postPublished(blogId, randomUUID(), new Date(Date.now() - 1_000));
    await deliverTwice(posts, before);
    await unsubscribeFromBlog.execute({ subscriberId: leaves, blogId }, context);
    const after = postPublished(blogId);
    await deliverTwice(posts, after);

    expect(await feedOf(stays)).toEqual([after.key, before.key]);
    expect(await feedOf(leaves)).toEqual([before.key]);
    expect(await feedOf(elsewhere)).toEqual([]);
  });

  it('takes an unpublished post out of every feed', async () => {
    const blogId = randomUUID();
    const reader = randomUUID();
    await deliverTwice(blogs, blogCreated(blogId));
    await subscribeToBlog.execute({ subscriberId: reader, blogId }, context);
    const published = postPublished(blogId);
    await deliverTwice(posts, published);
    await deliverTwice(
      posts,
      record(PostMessages.PostUnpublished, published.key ?? '', { postId: published.key, blogId }),
    );
    expect(await feedOf(reader)).toEqual([]);
  });
});
