import type { Cause } from '@blog/chassis';
import { randomUUID } from 'node:crypto';
import type { MessageEnvelope } from '@blog/consumer';
import { EventStore } from '@blog/eventstore';
import { DeadlineWorker } from '@blog/saga';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { loadPostConfig } from '../../infrastructure/post-config';
import { createPostEventStore } from '../../infrastructure/post-event-store';
import { postMigrations } from '../../infrastructure/post-migrations';
import { CompletePublicationHandler } from '../complete-publication/complete-publication.handler';
import { DraftPostHandler } from '../draft-post/draft-post.handler';
import { EditPostHandler } from '../edit-post/edit-post.handler';
import { LearnBlogHandler } from '../learn-blog/learn-blog.handler';
import { TimeOutPublicationHandler } from '../time-out-publication/time-out-publication.handler';
import { PublishPostHandler } from './publish-post.handler';

// Saga 2's first step against a real database: what one publish transaction writes, what
// it leaves untouched when any part of it fails, and the deadline's compensation.
describe('publish a post (post side of saga 2)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: EventStore;
  const author = randomUUID();
  const blogId = randomUUID();
  const cause: Cause = {
    correlationId: 'req-1',
    causationId: null,
    actor: author,
  };
  const envelope = (sagaId: string): MessageEnvelope => ({
    messageId: randomUUID(),
    type: 'PublicationApproved',
    correlationId: 'req-1',
    causationId: null,
    sagaId,
    traceparent: null,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  });
  const publisher = (timeoutMs: number) =>
    new PublishPostHandler(
      pool,
      store,
      loadPostConfig({ POST_PUBLICATION_TIMEOUT_MS: String(timeoutMs) }),
    );
  const draft = async () =>
    (
      await new DraftPostHandler(pool, store).execute(
        author,
        { blogId, title: 'Hello', body: 'first' },
        cause,
      )
    ).id;
  const approve = (postId: string, sagaId: string) =>
    inTransaction(pool, (tx) =>
      new CompletePublicationHandler(store).execute(
        tx,
        { postId, blogId },
        { kind: 'approved' },
        envelope(sagaId),
      ),
    );
  const rows = async (sql: string, values: unknown[]) => (await pool.query(sql, values)).rows;

  beforeAll(async () => {
    database = await createTestDatabase('post_publish');
    await database.migrate(postMigrations);
    pool = database.pool();
    store = createPostEventStore();
    await new LearnBlogHandler().created(pool, blogId, author);
  });
  afterAll(() => database.drop());

  it('writes the event, the lock, the deadline, the outbox row and the saga log in one transaction', async () => {
    const postId = await draft();
    const started = Date.now();
    const { sagaId, status } = await publisher(30_000).execute(postId, author, undefined, cause);
    expect(status).toBe('PUBLISHING');

    expect(
      await rows(
        `SELECT type, metadata->>'sagaId' AS saga FROM events WHERE stream_id = $1 ORDER BY version`,
        [`post-${postId}`],
      ),
    ).toEqual([
      { type: 'PostDrafted', saga: null },
      { type: 'PostPublicationRequested', saga: sagaId },
    ]);
    expect(
      await rows(`SELECT status, lock_saga_id, lock_saga_type FROM posts WHERE post_id = $1`, [
        postId,
      ]),
    ).toEqual([{ status: 'PUBLISHING', lock_saga_id: sagaId, lock_saga_type: 'publish-post' }]);
    const [deadline] = await rows(
      `SELECT saga_type, name, due_at, payload FROM saga_deadlines WHERE saga_id = $1`,
      [sagaId],
    );
    expect(deadline).toMatchObject({
      saga_type: 'publish-post',
      name: 'blog-answer',
      payload: { postId, blogId },
    });
    expect((deadline.due_at as Date).getTime() - started).toBeGreaterThanOrEqual(29_000);
    expect(
      await rows(
        `SELECT aggregatetype, aggregateid, type, payload, correlation_id FROM outbox WHERE saga_id = $1`,
        [sagaId],
      ),
    ).toEqual([
      {
        aggregatetype: 'post',
        aggregateid: postId,
        type: 'PublishRequested',
        payload: { postId, blogId, authorId: author },
        correlation_id: 'req-1',
      },
    ]);
    expect(await rows(`SELECT step, outcome FROM saga_log WHERE saga_id = $1`, [sagaId])).toEqual([
      { step: 'post.request-publication', outcome: 'started' },
    ]);
  });

  it('refuses a second publish and an edit while PUBLISHING with 409 LOCKED naming the saga', async () => {
    const postId = await draft();
    const { sagaId } = await publisher(30_000).execute(postId, author, undefined, cause);
    const locked = { code: 'LOCKED', lock: { sagaId, sagaType: 'publish-post' } };
    await expect(publisher(30_000).execute(postId, author, undefined, cause)).rejects.toMatchObject(
      locked,
    );
    const edit = new EditPostHandler(pool, store).execute(
      postId,
      author,
      { body: 'overwrite' },
      { kind: 'version', version: 2 },
      cause,
    );
    await expect(edit).rejects.toMatchObject(locked);
    expect(await rows(`SELECT body, version FROM posts WHERE post_id = $1`, [postId])).toEqual([
      { body: 'first', version: 2 },
    ]);
  });

  it('writes nothing at all when the outbox insert fails', async () => {
    const postId = await draft();
    await pool.query(`
      CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$;
      CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_outbox();`);
    try {
      await expect(publisher(30_000).execute(postId, author, undefined, cause)).rejects.toThrow(
        'outbox unavailable',
      );
    } finally {
      await pool.query(`DROP TRIGGER refuse_outbox ON outbox; DROP FUNCTION refuse_outbox();`);
    }
    expect(
      await rows(`SELECT status, version, lock_saga_id FROM posts WHERE post_id = $1`, [postId]),
    ).toEqual([{ status: 'DRAFT', version: 1, lock_saga_id: null }]);
    expect(
      await rows(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`post-${postId}`]),
    ).toEqual([{ n: 1 }]);
    expect(
      await rows(`SELECT count(*)::int AS n FROM saga_deadlines WHERE payload->>'postId' = $1`, [
        postId,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('reverts to DRAFT when the deadline fires, and a late approval changes nothing', async () => {
    const postId = await draft();
    const { sagaId } = await publisher(100).execute(postId, author, undefined, cause);
    const worker = new DeadlineWorker(pool, (tx, deadline) =>
      new TimeOutPublicationHandler(store).execute(tx, deadline),
    );
    expect(await worker.fireDue()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await worker.fireDue()).toBe(1);

    const state = `SELECT status, lock_saga_id, publication_status, version FROM posts WHERE post_id = $1`;
    expect(await rows(state, [postId])).toEqual([
      { status: 'DRAFT', lock_saga_id: null, publication_status: 'TIMED_OUT', version: 3 },
    ]);
    expect(
      await rows(`SELECT type, payload FROM outbox WHERE saga_id = $1 ORDER BY seq`, [sagaId]),
    ).toEqual([
      { type: 'PublishRequested', payload: { postId, blogId, authorId: author } },
      { type: 'PublicationTimedOut', payload: { postId, blogId } },
    ]);

    await approve(postId, sagaId);
    expect(await rows(state, [postId])).toEqual([
      { status: 'DRAFT', lock_saga_id: null, publication_status: 'TIMED_OUT', version: 3 },
    ]);
    expect(
      await rows(`SELECT step, outcome FROM saga_log WHERE saga_id = $1 ORDER BY id`, [sagaId]),
    ).toEqual([
      { step: 'post.request-publication', outcome: 'started' },
      { step: 'post.time-out-publication', outcome: 'timed_out' },
      { step: 'post.complete-publication', outcome: 'failed' },
    ]);
  });

  it('publishes on approval with the title, slug and publishedAt subscribers need', async () => {
    const postId = await draft();
    const { sagaId } = await publisher(30_000).execute(postId, author, undefined, cause);
    await approve(postId, sagaId);
    const [published] = await rows(
      `SELECT payload FROM outbox WHERE saga_id = $1 AND type = 'PostPublished'`,
      [sagaId],
    );
    expect(published.payload).toMatchObject({
      postId,
      blogId,
      authorId: author,
      title: 'Hello',
      slug: expect.stringMatching(/^hello(-\d+)?$/),
    });
    expect(
      await rows(`SELECT status, lock_saga_id FROM posts WHERE post_id = $1`, [postId]),
    ).toEqual([{ status: 'PUBLISHED', lock_saga_id: null }]);
    expect(
      await rows(
        `SELECT cancelled_at IS NOT NULL AS cancelled FROM saga_deadlines WHERE saga_id = $1`,
        [sagaId],
      ),
    ).toEqual([{ cancelled: true }]);
  });
});
