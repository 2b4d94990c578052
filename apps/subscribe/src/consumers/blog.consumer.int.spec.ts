import { randomUUID } from 'node:crypto';
import { consumerDefinitionOf, type ConsumerDefinition } from '@blog/chassis';
import { type ConsumedRecord, MessageProcessor, type ProcessOutcome } from '@blog/consumer';
import { BlogMessages, PostMessages } from '@blog/contracts';
import { readSagaLog } from '@blog/saga';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { CloseBlogSubscriptionsHandler } from '../commands/close-blog-subscriptions/close-blog-subscriptions.handler';
import { FanOutPostHandler } from '../commands/fan-out-post/fan-out-post.handler';
import { RestoreBlogSubscriptionsHandler } from '../commands/restore-blog-subscriptions/restore-blog-subscriptions.handler';
import { RetireBlogHandler } from '../commands/retire-blog/retire-blog.handler';
import { SubscribeToBlogHandler } from '../commands/subscribe-to-blog/subscribe-to-blog.handler';
import { TrackBlogHandler } from '../commands/track-blog/track-blog.handler';
import { UnsubscribeFromBlogHandler } from '../commands/unsubscribe-from-blog/unsubscribe-from-blog.handler';
import { WithdrawPostHandler } from '../commands/withdraw-post/withdraw-post.handler';
import { subscribeMigrations } from '../infrastructure/migrations/subscribe-migrations';
import { createSubscribeEventStore } from '../infrastructure/subscribe-event-store';
import { BlogConsumer } from './blog.consumer';
import { PostConsumer } from './post.consumer';

// Saga 3 (delete a blog), subscribe's part, through the real MessageProcessor on a fresh
// database; every message is delivered twice.

let offset = 0;
function record(
  contract: { topic: string; type: string },
  key: string,
  payload: object,
  sagaId: string | null = randomUUID(),
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

describe('subscribe: closing a blog’s subscriptions and restoring them (saga 3)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let blogs: MessageProcessor;
  let posts: MessageProcessor;
  let subscribeToBlog: SubscribeToBlogHandler;
  let unsubscribeFromBlog: UnsubscribeFromBlogHandler;
  const context = { correlationId: 'saga-3-spec' };

  const deliverTwice = async (processor: MessageProcessor, message: ConsumedRecord) => {
    const outcomes: ProcessOutcome[] = [await processor.process(message)];
    outcomes.push(await processor.process(message));
    return outcomes;
  };
  const deletionRequested = (blogId: string, sagaId: string) =>
    record(BlogMessages.BlogDeletionRequested, blogId, { blogId, ownerId: randomUUID() }, sagaId);
  const deletionCancelled = (blogId: string, sagaId: string) =>
    record(BlogMessages.BlogDeletionCancelled, blogId, { blogId, reason: 'owner' }, sagaId);
  const replies = async (blogId: string) =>
    (
      await pool.query<{ type: string; payload: object; saga_id: string | null }>(
        `SELECT type, payload, saga_id FROM outbox WHERE aggregateid = $1 ORDER BY seq`,
        [blogId],
      )
    ).rows;
  const openSubscribers = async (blogId: string) =>
    (
      await pool.query<{ subscriber_id: string }>(
        `SELECT subscriber_id FROM subscriptions
          WHERE blog_id = $1 AND closed_by_saga IS NULL ORDER BY subscriber_id`,
        [blogId],
      )
    ).rows.map((row) => row.subscriber_id);
  const publishTo = async (blogId: string) => {
    const postId = randomUUID();
    await deliverTwice(
      posts,
      record(PostMessages.PostPublished, postId, {
        postId,
        blogId,
        authorId: randomUUID(),
        title: 'Hello',
        slug: 'hello',
        publishedAt: new Date().toISOString(),
      }),
    );
    const { rows } = await pool.query(`SELECT subscriber_id FROM feed_entries WHERE post_id = $1`, [
      postId,
    ]);
    return rows.length;
  };
  const blogWithReaders = async (count: number) => {
    const blogId = randomUUID();
    await deliverTwice(
      blogs,
      record(
        BlogMessages.BlogCreated,
        blogId,
        { blogId, ownerId: randomUUID(), title: 'Notes', slug: 'notes' },
        null,
      ),
    );
    const readers = Array.from({ length: count }, () => randomUUID()).sort();
    for (const reader of readers) {
      await subscribeToBlog.execute({ subscriberId: reader, blogId }, context);
    }
    return { blogId, readers };
  };

  beforeAll(async () => {
    database = await createTestDatabase('subscribe_saga3');
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

  it('closes the blog’s subscriptions once and answers with the count and the saga id', async () => {
    const { blogId } = await blogWithReaders(3);
    const sagaId = randomUUID();
    expect(await deliverTwice(blogs, deletionRequested(blogId, sagaId))).toEqual([
      'processed',
      'duplicate',
    ]);

    expect(await replies(blogId)).toEqual([
      { type: 'BlogSubscriptionsClosed', payload: { blogId, closed: 3 }, saga_id: sagaId },
    ]);
    expect(await openSubscribers(blogId)).toEqual([]);
    expect(await publishTo(blogId)).toBe(0);
    await expect(
      subscribeToBlog.execute({ subscriberId: randomUUID(), blogId }, context),
    ).rejects.toMatchObject({ code: 'LOCKED', lock: { sagaId, sagaType: 'delete-blog' } });
    expect(await readSagaLog(pool, sagaId)).toMatchObject([
      { sagaType: 'delete-blog', step: 'subscribe.close-subscriptions', outcome: 'succeeded' },
    ]);
  });

  it('restores exactly what its saga closed when the deletion is cancelled', async () => {
    const { blogId, readers } = await blogWithReaders(3);
    const [leaver, ...stayers] = readers;
    const sagaId = randomUUID();
    await deliverTwice(blogs, deletionRequested(blogId, sagaId));
    // A reader may still leave while the blog is being deleted; restoring must not bring them back.
    await unsubscribeFromBlog.execute({ subscriberId: leaver ?? '', blogId }, context);
    // A cancellation of another saga restores nothing.
    await deliverTwice(blogs, deletionCancelled(blogId, randomUUID()));
    expect(await openSubscribers(blogId)).toEqual([]);

    expect(await deliverTwice(blogs, deletionCancelled(blogId, sagaId))).toEqual([
      'processed',
      'duplicate',
    ]);
    expect(await openSubscribers(blogId)).toEqual(stayers);
    expect(await publishTo(blogId)).toBe(2);
    await expect(
      subscribeToBlog.execute({ subscriberId: randomUUID(), blogId }, context),
    ).resolves.toMatchObject({ created: true });
    expect((await readSagaLog(pool, sagaId)).map((step) => [step.step, step.outcome])).toEqual([
      ['subscribe.close-subscriptions', 'succeeded'],
      ['subscribe.restore-subscriptions', 'compensated'],
    ]);
  });

  it('restores on the deadline too (BlogDeletionTimedOut), once', async () => {
    const { blogId, readers } = await blogWithReaders(2);
    const sagaId = randomUUID();
    await deliverTwice(blogs, deletionRequested(blogId, sagaId));
    await deliverTwice(
      blogs,
      record(BlogMessages.BlogDeletionTimedOut, blogId, { blogId, missing: ['post'] }, sagaId),
    );
    await deliverTwice(blogs, deletionCancelled(blogId, sagaId));
    expect(await openSubscribers(blogId)).toEqual(readers);
  });

  it('refuses a second deletion saga while the first holds the blog', async () => {
    const { blogId } = await blogWithReaders(1);
    const [first, second] = [randomUUID(), randomUUID()];
    await deliverTwice(blogs, deletionRequested(blogId, first));
    await deliverTwice(blogs, deletionRequested(blogId, second));
    expect(await replies(blogId)).toEqual([
      { type: 'BlogSubscriptionsClosed', payload: { blogId, closed: 1 }, saga_id: first },
      {
        type: 'BlogSubscriptionsCloseRefused',
        payload: { blogId, reason: `The blog is already being deleted by saga ${first}` },
        saga_id: second,
      },
    ]);
    expect(await readSagaLog(pool, second)).toMatchObject([{ outcome: 'failed' }]);
  });

  it('drops the subscriptions and feed entries of a deleted blog', async () => {
    const { blogId, readers } = await blogWithReaders(2);
    expect(await publishTo(blogId)).toBe(2);
    const sagaId = randomUUID();
    await deliverTwice(blogs, deletionRequested(blogId, sagaId));
    await deliverTwice(blogs, record(BlogMessages.BlogDeleted, blogId, { blogId }, sagaId));
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM subscriptions WHERE blog_id = $1)::int AS subscriptions,
              (SELECT count(*) FROM feed_entries WHERE blog_id = $1)::int AS entries,
              (SELECT status FROM blogs WHERE blog_id = $1) AS status`,
      [blogId],
    );
    expect(rows[0]).toEqual({ subscriptions: 0, entries: 0, status: 'deleted' });
    await expect(
      subscribeToBlog.execute({ subscriberId: readers[0] ?? '', blogId }, context),
    ).rejects.toMatchObject({ kind: 'not-found', code: 'SUBSCRIBE.BLOG_NOT_FOUND' });
  });
});
