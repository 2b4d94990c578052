import type { Cause } from '@blog/chassis';
import { randomUUID } from 'node:crypto';
import type { MessageEnvelope } from '@blog/consumer';
import { DeadlineWorker } from '@blog/saga';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import type { DeletionParticipant } from '../../domain/blog.events';
import { loadBlogConfig } from '../../infrastructure/blog-config';
import { createBlogEventStore } from '../../infrastructure/blog-event-store';
import { blogMigrations } from '../../infrastructure/blog-migrations';
import { CreateBlogHandler } from '../create-blog/create-blog.handler';
import { DeleteAccountBlogsHandler } from '../delete-account-blogs/delete-account-blogs.handler';
import { RecordDeletionAnswerHandler } from '../record-deletion-answer/record-deletion-answer.handler';
import { TimeOutDeletionHandler } from '../time-out-deletion/time-out-deletion.handler';
import { DeleteBlogHandler } from './delete-blog.handler';

// Saga 3 (and blog's part of saga 4) on blog's side, against a real database.
describe('delete a blog (blog side of saga 3 and 4)', () => {
  let database: TestDatabase;
  let pool: Pool;
  const store = createBlogEventStore();
  const owner = randomUUID();
  const cause: Cause = { correlationId: 'req', causationId: null, actor: owner };
  const envelope = (type: string, sagaId: string): MessageEnvelope => ({
    messageId: randomUUID(),
    type,
    correlationId: 'req',
    causationId: null,
    sagaId,
    traceparent: null,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  });
  const deleter = (timeoutMs = 60_000) =>
    new DeleteBlogHandler(
      pool,
      store,
      loadBlogConfig({ BLOG_DELETION_TIMEOUT_MS: String(timeoutMs) }),
    );
  const createBlog = async (ownerId = owner, title = 'Doomed') =>
    (
      await new CreateBlogHandler(pool, store).execute(
        ownerId,
        { title, description: '' },
        { ...cause, actor: ownerId },
      )
    ).id;
  const answer = (
    blogId: string,
    sagaId: string,
    participant: DeletionParticipant,
    refusal?: string,
  ) =>
    inTransaction(pool, (tx) =>
      new RecordDeletionAnswerHandler(store).execute(
        tx,
        blogId,
        refusal === undefined
          ? { kind: 'confirmed', participant }
          : { kind: 'refused', participant, reason: refusal },
        envelope('answer', sagaId),
      ),
    );
  const status = async (blogId: string) =>
    (await pool.query(`SELECT status FROM blogs WHERE blog_id = $1`, [blogId])).rows[0]?.status;
  const messages = async (sagaId: string) =>
    (
      await pool.query(`SELECT type FROM outbox WHERE saga_id = $1 ORDER BY seq`, [sagaId])
    ).rows.map((row) => row.type);

  beforeAll(async () => {
    database = await createTestDatabase('blog_delete');
    await database.migrate(blogMigrations);
    pool = database.pool();
  });
  afterAll(() => database.drop());

  it('is DELETED once post and subscribe confirmed, whatever the order', async () => {
    const blogId = await createBlog();
    const { sagaId } = await deleter().execute(blogId, owner, cause);
    expect(await status(blogId)).toBe('DELETING');
    await answer(blogId, sagaId, 'subscribe');
    expect(await status(blogId)).toBe('DELETING');
    await answer(blogId, sagaId, 'post');
    expect(await status(blogId)).toBe('DELETED');
    expect(await messages(sagaId)).toEqual(['BlogDeletionRequested', 'BlogDeleted']);
    const deadline = await pool.query(
      `SELECT cancelled_at FROM saga_deadlines WHERE saga_id = $1`,
      [sagaId],
    );
    expect(deadline.rows[0]?.cancelled_at).not.toBeNull();
  });

  it('is ACTIVE again after a refusal; a late confirmation changes nothing', async () => {
    const blogId = await createBlog();
    const { sagaId } = await deleter().execute(blogId, owner, cause);
    await answer(blogId, sagaId, 'post');
    await answer(blogId, sagaId, 'subscribe', 'a subscription is being migrated');
    expect(await status(blogId)).toBe('ACTIVE');
    await answer(blogId, sagaId, 'subscribe');
    expect(await status(blogId)).toBe('ACTIVE');
    expect(await messages(sagaId)).toEqual(['BlogDeletionRequested', 'BlogDeletionCancelled']);
  });

  it('times out naming who did not answer, and the blog is ACTIVE again', async () => {
    const blogId = await createBlog();
    const { sagaId } = await deleter(100).execute(blogId, owner, cause);
    await answer(blogId, sagaId, 'post');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const worker = new DeadlineWorker(pool, (tx, deadline) =>
      new TimeOutDeletionHandler(store).execute(tx, deadline),
    );
    expect(await worker.fireDue()).toBe(1);
    expect(await status(blogId)).toBe('ACTIVE');
    const timedOut = await pool.query(
      `SELECT payload FROM outbox WHERE saga_id = $1 AND type = 'BlogDeletionTimedOut'`,
      [sagaId],
    );
    expect(timedOut.rows).toEqual([{ payload: { blogId, missing: ['subscribe'] } }]);
  });

  it('closes an account: one child saga per blog, answered once when all are DELETED', async () => {
    const account = randomUUID();
    const blogs = [await createBlog(account, 'a'), await createBlog(account, 'b')];
    const closureSagaId = randomUUID();
    // Child sagas keep the closure's correlation id (one search shows the whole closure).
    const closureCorrelation = randomUUID();
    const closure = new DeleteAccountBlogsHandler(deleter());
    const request = {
      envelope: {
        ...envelope('AccountClosureRequested', closureSagaId),
        correlationId: closureCorrelation,
      },
      payload: { accountId: account },
      topic: 't',
      key: account,
    };
    await inTransaction(pool, (tx) => closure.execute(tx, request));
    await inTransaction(pool, (tx) =>
      closure.execute(tx, {
        ...request,
        envelope: {
          ...envelope('AccountClosureRequested', closureSagaId),
          correlationId: closureCorrelation,
        },
      }),
    );

    const children = await pool.query<{
      saga_id: string;
      aggregateid: string;
      correlation_id: string;
    }>(
      `SELECT saga_id, aggregateid, correlation_id FROM outbox WHERE type = 'BlogDeletionRequested' AND correlation_id = $1`,
      [closureCorrelation],
    );
    expect(children.rows.map((row) => row.aggregateid).sort()).toEqual([...blogs].sort());
    expect(new Set(children.rows.map((row) => row.saga_id)).size).toBe(2);
    await expect(
      new CreateBlogHandler(pool, store).execute(
        account,
        { title: 'late', description: '' },
        cause,
      ),
    ).rejects.toMatchObject({ code: 'LOCKED', lock: { sagaType: 'close-account' } });

    // Both children finish at the same time, in two transactions.
    await Promise.all(
      children.rows.map(async ({ aggregateid, saga_id }) => {
        await answer(aggregateid, saga_id, 'post');
        await answer(aggregateid, saga_id, 'subscribe');
      }),
    );
    const done = await pool.query(
      `SELECT aggregateid, payload FROM outbox WHERE saga_id = $1 AND type = 'AccountBlogsDeleted'`,
      [closureSagaId],
    );
    expect(done.rows).toEqual([
      { aggregateid: account, payload: { accountId: account, blogIds: blogs } },
    ]);
  });

  it('answers an account with no blogs at once', async () => {
    const account = randomUUID();
    const closureSagaId = randomUUID();
    await inTransaction(pool, (tx) =>
      new DeleteAccountBlogsHandler(deleter()).execute(tx, {
        envelope: envelope('AccountClosureRequested', closureSagaId),
        payload: { accountId: account },
        topic: 't',
        key: account,
      }),
    );
    expect(await messages(closureSagaId)).toEqual(['AccountBlogsDeleted']);
  });
});
