import type { Cause } from '@blog/chassis';
import { randomUUID } from 'node:crypto';
import type { MessageEnvelope } from '@blog/consumer';
import type { EventStore } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { Pool } from 'pg';
import { loadPostConfig } from '../../infrastructure/post-config';
import { createPostEventStore } from '../../infrastructure/post-event-store';
import { postMigrations } from '../../infrastructure/post-migrations';
import { CompletePublicationHandler } from '../complete-publication/complete-publication.handler';
import { DraftPostHandler } from '../draft-post/draft-post.handler';
import { LearnBlogHandler } from '../learn-blog/learn-blog.handler';
import { PublishPostHandler } from '../publish-post/publish-post.handler';
import { RestoreBlogPostsHandler } from '../restore-blog-posts/restore-blog-posts.handler';
import { ArchiveBlogPostsHandler } from './archive-blog-posts.handler';

// Saga 3, post's step, against a real database: archive, wait for a publication in flight,
// refuse new work in a DELETING blog, restore on compensation.
describe('archive a blog’s posts (post side of saga 3)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: EventStore;
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
  const rows = async (sql: string, values: unknown[]) => (await pool.query(sql, values)).rows;
  const statuses = (blogId: string) =>
    rows(`SELECT title, status FROM posts WHERE blog_id = $1 ORDER BY seq`, [blogId]);
  const archivedMessages = (sagaId: string) =>
    rows(`SELECT payload FROM outbox WHERE saga_id = $1 AND type = 'BlogPostsArchived'`, [sagaId]);

  async function blogWithPosts(...titles: string[]) {
    const blogId = randomUUID();
    await new LearnBlogHandler().created(pool, blogId, owner);
    const ids: string[] = [];
    for (const title of titles) {
      const post = await new DraftPostHandler(pool, store).execute(
        owner,
        { blogId, title, body: '' },
        cause,
      );
      ids.push(post.id);
    }
    return { blogId, ids };
  }
  const publish = (postId: string) =>
    new PublishPostHandler(pool, store, loadPostConfig({})).execute(
      postId,
      owner,
      undefined,
      cause,
    );
  const requestDeletion = (blogId: string, sagaId: string) =>
    inTransaction(pool, (tx) =>
      new ArchiveBlogPostsHandler(store).execute(
        tx,
        { blogId, ownerId: owner },
        envelope('BlogDeletionRequested', sagaId),
      ),
    );

  beforeAll(async () => {
    database = await createTestDatabase('post_archive');
    await database.migrate(postMigrations);
    pool = database.pool();
    store = createPostEventStore();
  });
  afterAll(() => database.drop());

  it('archives drafts and published posts at once and confirms with their ids', async () => {
    const { blogId, ids } = await blogWithPosts('one', 'two');
    const deletion = randomUUID();
    await requestDeletion(blogId, deletion);
    expect(await statuses(blogId)).toEqual([
      { title: 'one', status: 'ARCHIVED' },
      { title: 'two', status: 'ARCHIVED' },
    ]);
    expect(await archivedMessages(deletion)).toEqual([{ payload: { blogId, postIds: ids } }]);
  });

  it('refuses new drafts and publications while the blog is DELETING, with the deletion’s lock', async () => {
    const { blogId, ids } = await blogWithPosts('kept');
    const deletion = randomUUID();
    await requestDeletion(blogId, deletion);
    const locked = { code: 'LOCKED', lock: { sagaId: deletion, sagaType: 'delete-blog' } };
    await expect(
      new DraftPostHandler(pool, store).execute(owner, { blogId, title: 'late', body: '' }, cause),
    ).rejects.toMatchObject(locked);
    await inTransaction(pool, (tx) =>
      new RestoreBlogPostsHandler(store).execute(
        tx,
        blogId,
        envelope('BlogDeletionCancelled', deletion),
      ),
    );
    expect(await statuses(blogId)).toEqual([{ title: 'kept', status: 'DRAFT' }]);
    await expect(publish(ids[0] ?? '')).resolves.toMatchObject({ status: 'PUBLISHING' });
  });

  it('waits for a publication in flight, archives once the blog rejected it, and restores on cancel', async () => {
    const { blogId, ids } = await blogWithPosts('draft', 'in flight');
    const [draftId, inFlightId] = ids as [string, string];
    const { sagaId: publication } = await publish(inFlightId);
    const deletion = randomUUID();

    await requestDeletion(blogId, deletion);
    expect(await statuses(blogId)).toEqual([
      { title: 'draft', status: 'DRAFT' },
      { title: 'in flight', status: 'PUBLISHING' },
    ]);
    expect(await archivedMessages(deletion)).toEqual([]);

    // The blog, DELETING, rejects the publication: the post is DRAFT, then everything is archived.
    await inTransaction(pool, (tx) =>
      new CompletePublicationHandler(store).execute(
        tx,
        { postId: inFlightId, blogId },
        { kind: 'rejected', reason: 'BLOG_DELETING' },
        envelope('PublicationRejected', publication),
      ),
    );
    expect(await statuses(blogId)).toEqual([
      { title: 'draft', status: 'ARCHIVED' },
      { title: 'in flight', status: 'ARCHIVED' },
    ]);
    expect(await archivedMessages(deletion)).toEqual([
      { payload: { blogId, postIds: [draftId, inFlightId] } },
    ]);
    expect(
      await rows(`SELECT publication_status, publication_reason FROM posts WHERE post_id = $1`, [
        inFlightId,
      ]),
    ).toEqual([{ publication_status: 'REJECTED', publication_reason: 'BLOG_DELETING' }]);

    // A refusal elsewhere cancels the deletion: every post is what it was before.
    await inTransaction(pool, (tx) =>
      new RestoreBlogPostsHandler(store).execute(
        tx,
        blogId,
        envelope('BlogDeletionCancelled', deletion),
      ),
    );
    expect(await statuses(blogId)).toEqual([
      { title: 'draft', status: 'DRAFT' },
      { title: 'in flight', status: 'DRAFT' },
    ]);
    expect(
      await rows(`SELECT step, outcome FROM saga_log WHERE saga_id = $1 ORDER BY id`, [deletion]),
    ).toEqual([
      { step: 'post.archive-blog-posts', outcome: 'started' },
      { step: 'post.archive-blog-posts', outcome: 'succeeded' },
      { step: 'post.restore-blog-posts', outcome: 'compensated' },
    ]);
  });

  it('restores only what that deletion archived, and only for that saga', async () => {
    const { blogId } = await blogWithPosts('a');
    const deletion = randomUUID();
    await requestDeletion(blogId, deletion);
    await inTransaction(pool, (tx) =>
      new RestoreBlogPostsHandler(store).execute(
        tx,
        blogId,
        envelope('BlogDeletionTimedOut', randomUUID()),
      ),
    );
    expect(await statuses(blogId)).toEqual([{ title: 'a', status: 'ARCHIVED' }]);
    await inTransaction(pool, (tx) =>
      new RestoreBlogPostsHandler(store).execute(
        tx,
        blogId,
        envelope('BlogDeletionTimedOut', deletion),
      ),
    );
    expect(await statuses(blogId)).toEqual([{ title: 'a', status: 'DRAFT' }]);
  });
});
