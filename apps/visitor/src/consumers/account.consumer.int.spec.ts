import { randomUUID } from 'node:crypto';
import { consumerDefinitionOf, type ConsumerDefinition } from '@blog/chassis';
import { type ConsumedRecord, MessageProcessor } from '@blog/consumer';
import { AccountMessages, PostMessages } from '@blog/contracts';
import { readSagaLog } from '@blog/saga';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { AnonymiseAccountVisitsHandler } from '../commands/anonymise-account-visits/anonymise-account-visits.handler';
import { ClosePostCountersHandler } from '../commands/close-post-counters/close-post-counters.handler';
import { OpenPostCountersHandler } from '../commands/open-post-counters/open-post-counters.handler';
import { RecordVisitHandler } from '../commands/record-visit/record-visit.handler';
import { visitorMigrations } from '../infrastructure/migrations/visitor-migrations';
import { BlogStatsQuery } from '../queries/blog-stats/blog-stats.query';
import { PostStatsQuery } from '../queries/post-stats/post-stats.query';
import { AccountConsumer } from './account.consumer';
import { PostConsumer } from './post.consumer';

// visitor on a fresh database: the visit write path, and saga 4's anonymisation through
// the real MessageProcessor with every message delivered twice.

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

describe('visitor: visits, counters and anonymisation', () => {
  let database: TestDatabase;
  let pool: Pool;
  let posts: MessageProcessor;
  let accounts: MessageProcessor;
  let recordVisit: RecordVisitHandler;
  let postStats: PostStatsQuery;
  let blogStats: BlogStatsQuery;

  const twice = async (processor: MessageProcessor, message: ConsumedRecord) => [
    await processor.process(message),
    await processor.process(message),
  ];
  const publish = async (blogId: string) => {
    const postId = randomUUID();
    await twice(
      posts,
      record(PostMessages.PostPublished, postId, {
        postId,
        blogId,
        authorId: randomUUID(),
        title: 'Counted',
        slug: 'counted',
        publishedAt: new Date().toISOString(),
      }),
    );
    return postId;
  };
  const visit = (postId: string, visitorId: string, accountId: string | null = null) =>
    recordVisit.execute({ postId, blogId: null, visitorId, accountId, at: new Date() });

  beforeAll(async () => {
    database = await createTestDatabase('visitor');
    await database.migrate(visitorMigrations);
    pool = database.pool();
    const processor = (definition: ConsumerDefinition) =>
      new MessageProcessor({
        consumer: definition.name,
        pool,
        handlers: definition.handlers,
        deadLetters: { publish: async () => undefined },
        retry: { attempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
      });
    posts = processor(
      consumerDefinitionOf(
        new PostConsumer(new OpenPostCountersHandler(), new ClosePostCountersHandler()),
      ),
    );
    accounts = processor(
      consumerDefinitionOf(new AccountConsumer(new AnonymiseAccountVisitsHandler())),
    );
    recordVisit = new RecordVisitHandler(pool);
    postStats = new PostStatsQuery(pool);
    blogStats = new BlogStatsQuery(pool);
  });
  afterAll(() => database.drop());

  it('counts every visit of a concurrent burst, and each visitor once', async () => {
    const blogId = randomUUID();
    const postId = await publish(blogId);
    const visitors = Array.from({ length: 25 }, () => randomUUID());
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => visit(postId, visitors[index % 25] ?? '')),
    );
    expect(results.filter((result) => result.firstVisit)).toHaveLength(25);
    expect(await postStats.execute(postId)).toEqual({
      postId,
      blogId,
      open: true,
      views: 200,
      uniqueVisitors: 25,
    });
  });

  it('refuses visits to a post it has not seen published', async () => {
    await expect(visit(randomUUID(), randomUUID())).rejects.toMatchObject({
      kind: 'not-found',
      code: 'VISITOR.POST_NOT_FOUND',
    });
  });

  it('anonymises a closed account’s visits and keeps every count', async () => {
    const blogId = randomUUID();
    const [first, second] = [await publish(blogId), await publish(blogId)];
    const [accountId, device, phone, stranger] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await visit(first, device, accountId);
    await visit(first, device, accountId);
    await visit(second, device);
    await visit(second, phone, accountId); // the same person on another device
    await visit(first, stranger);
    const before = {
      first: await postStats.execute(first),
      second: await postStats.execute(second),
      blog: await blogStats.execute(blogId),
    };
    expect(before.blog).toEqual({ blogId, posts: 2, views: 5, uniqueVisitors: 3 });

    const sagaId = randomUUID();
    expect(
      await twice(
        accounts,
        record(AccountMessages.AccountClosureRequested, accountId, { accountId }, sagaId),
      ),
    ).toEqual(['processed', 'duplicate']);

    const { rows: linked } = await pool.query(`SELECT 1 FROM post_visitors WHERE account_id = $1`, [
      accountId,
    ]);
    expect(linked).toEqual([]);
    expect({
      first: await postStats.execute(first),
      second: await postStats.execute(second),
      blog: await blogStats.execute(blogId),
    }).toEqual(before);
    const { rows: replies } = await pool.query(
      `SELECT type, aggregateid, payload, saga_id FROM outbox WHERE aggregateid = $1`,
      [accountId],
    );
    expect(replies).toEqual([
      {
        type: 'AccountVisitsAnonymised',
        aggregateid: accountId,
        payload: { accountId, visits: 2 },
        saga_id: sagaId,
      },
    ]);
    expect(await readSagaLog(pool, sagaId)).toMatchObject([
      { sagaType: 'close-account', step: 'visitor.anonymise-visits', outcome: 'succeeded' },
    ]);
  });
});
