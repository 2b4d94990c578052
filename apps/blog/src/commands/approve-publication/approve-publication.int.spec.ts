import { consumerDefinitionOf, type Cause } from '@blog/chassis';
import { randomUUID } from 'node:crypto';
import { type ConsumedRecord, MessageProcessor } from '@blog/consumer';
import { PostMessages } from '@blog/contracts';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { PublicationConsumer } from '../../consumers/publication.consumer';
import { loadBlogConfig } from '../../infrastructure/blog-config';
import { createBlogEventStore } from '../../infrastructure/blog-event-store';
import { blogMigrations } from '../../infrastructure/blog-migrations';
import { CreateBlogHandler } from '../create-blog/create-blog.handler';
import { DeleteBlogHandler } from '../delete-blog/delete-blog.handler';
import { ApprovePublicationHandler } from './approve-publication.handler';

// blog.publication as Kafka delivers it: the record Debezium's router writes, through the
// real processor (inbox) and handler, into a fresh database.
describe('blog.publication consumer (blog side of saga 2)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let processor: MessageProcessor;
  const owner = randomUUID();
  const cause: Cause = { correlationId: 'req', causationId: null, actor: owner };
  const store = createBlogEventStore();

  const publishRequested = (
    blogId: string,
    authorId: string,
    sagaId = randomUUID(),
  ): ConsumedRecord => ({
    topic: PostMessages.PublishRequested.topic,
    partition: 0,
    offset: '0',
    key: randomUUID(),
    headers: {
      id: randomUUID(),
      eventType: 'PublishRequested',
      correlationId: 'req-publish',
      sagaId,
      occurredAt: new Date().toISOString(),
      schemaVersion: '1',
    },
    value: JSON.stringify({ postId: randomUUID(), blogId, authorId }),
  });
  const answers = async (sagaId: string | null) =>
    (
      await pool.query(
        `SELECT aggregatetype, aggregateid, type, payload, causation_id, correlation_id FROM outbox
          WHERE saga_id = $1 ORDER BY seq`,
        [sagaId],
      )
    ).rows;
  const createBlog = async () =>
    (
      await new CreateBlogHandler(pool, store).execute(
        owner,
        { title: 'Mine', description: '' },
        cause,
      )
    ).id;

  beforeAll(async () => {
    database = await createTestDatabase('blog_publication');
    await database.migrate(blogMigrations);
    pool = database.pool();
    processor = new MessageProcessor({
      consumer: 'blog.publication',
      pool,
      handlers: consumerDefinitionOf(new PublicationConsumer(new ApprovePublicationHandler()))
        .handlers,
      deadLetters: { publish: async () => undefined },
      retry: { attempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
    });
  });
  afterAll(() => database.drop());

  it('approves once under duplicate delivery: one answer, one saga log entry', async () => {
    const blogId = await createBlog();
    const record = publishRequested(blogId, owner);
    const sagaId = record.headers['sagaId'] ?? null;

    expect(await processor.process(record)).toBe('processed');
    expect(await processor.process(record)).toBe('duplicate');
    expect(await processor.process({ ...record, offset: '1' })).toBe('duplicate');

    const payload = JSON.parse(record.value ?? '{}') as { postId: string };
    expect(await answers(sagaId)).toEqual([
      {
        aggregatetype: 'blog',
        aggregateid: blogId,
        type: 'PublicationApproved',
        payload: { postId: payload.postId, blogId },
        causation_id: record.headers['id'],
        correlation_id: 'req-publish',
      },
    ]);
    const log = await pool.query(`SELECT step, outcome FROM saga_log WHERE saga_id = $1`, [sagaId]);
    expect(log.rows).toEqual([{ step: 'blog.approve-publication', outcome: 'succeeded' }]);
  });

  it('rejects an author who does not own the blog, and an unknown blog, with the reason', async () => {
    const blogId = await createBlog();
    const stranger = publishRequested(blogId, randomUUID());
    const unknown = publishRequested(randomUUID(), owner);
    await processor.process(stranger);
    await processor.process(unknown);
    expect((await answers(stranger.headers['sagaId'] ?? null))[0]).toMatchObject({
      type: 'PublicationRejected',
      payload: { reason: 'AUTHOR_NOT_OWNER' },
    });
    expect((await answers(unknown.headers['sagaId'] ?? null))[0]).toMatchObject({
      type: 'PublicationRejected',
      payload: { reason: 'BLOG_NOT_FOUND' },
    });
  });

  it('rejects a publication in a blog being deleted', async () => {
    const blogId = await createBlog();
    await new DeleteBlogHandler(pool, store, loadBlogConfig({})).execute(blogId, owner, cause);
    const record = publishRequested(blogId, owner);
    await processor.process(record);
    expect((await answers(record.headers['sagaId'] ?? null))[0]).toMatchObject({
      type: 'PublicationRejected',
      payload: { reason: 'BLOG_DELETING' },
    });
  });
});
