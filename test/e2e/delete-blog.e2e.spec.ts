import { randomUUID } from 'node:crypto';
import { AccountMessages, BlogMessages, PostMessages, SubscriptionMessages } from '@blog/contracts';
import {
  bearer,
  client,
  eventually,
  mintAccessToken,
  produceRecords,
  type ReceivedRecord,
  rowsOf,
  TopicRecorder,
  whileConnectorPaused,
} from '@blog/testing';

// Saga 3 (and blog's part of saga 4) through the running stack. Where a spec needs an answer
// the real participants never give (subscribe's refusal, auth's closure request), it answers
// on the participant's topic exactly as its outbox would.

interface User {
  readonly id: string;
  readonly token: string;
}
interface Blog {
  readonly id: string;
}
interface Post {
  readonly id: string;
}

async function newUser(): Promise<User> {
  const id = randomUUID();
  return { id, token: await mintAccessToken({ accountId: id }) };
}

async function createBlog(owner: User, title = `Doomed ${randomUUID().slice(0, 8)}`) {
  const created = await client.POST('/api/blogs', {
    headers: bearer(owner.token),
    body: { title },
  });
  expect(created.response.status).toBe(201);
  if (!created.data) throw new Error(`create answered ${JSON.stringify(created.error)}`);
  return created.data;
}

const newPost = (author: User, blogId: string, title: string, body = '') =>
  client.POST('/api/posts', { headers: bearer(author.token), body: { blogId, title, body } });

async function draft(author: User, blogId: string, title: string): Promise<Post> {
  const created = await eventually(
    () => newPost(author, blogId, title, 'text'),
    (answer) => answer.response.status !== 404,
  );
  expect(created.response.status).toBe(201);
  if (!created.data) throw new Error(`draft answered ${JSON.stringify(created.error)}`);
  return created.data;
}

const readPost = (postId: string, reader?: User) =>
  client.GET('/api/posts/{postId}', {
    params: { path: { postId } },
    ...(reader ? { headers: bearer(reader.token) } : {}),
  });
const readBlog = (blogId: string, reader?: User) =>
  client.GET('/api/blogs/{blogId}', {
    params: { path: { blogId } },
    ...(reader ? { headers: bearer(reader.token) } : {}),
  });
const publish = (postId: string, author: User) =>
  client.POST('/api/posts/{postId}/publish', {
    params: { path: { postId } },
    headers: bearer(author.token),
  });
const deleteBlog = (blogId: string, owner: User) =>
  client.DELETE('/api/blogs/{blogId}', {
    params: { path: { blogId } },
    headers: bearer(owner.token),
  });
const updateBlog = (blogId: string, owner: User, body: { title?: string; description?: string }) =>
  client.PATCH('/api/blogs/{blogId}', {
    params: { path: { blogId } },
    headers: bearer(owner.token),
    body,
  });

async function publishedPost(author: User, blogId: string, title: string): Promise<Post> {
  const post = await draft(author, blogId, title);
  expect((await publish(post.id, author)).response.status).toBe(202);
  const done = await eventually(
    () => readPost(post.id, author),
    (answer) => answer.data?.status !== 'PUBLISHING',
  );
  expect(done.data?.status).toBe('PUBLISHED');
  if (!done.data) throw new Error(`no post: ${JSON.stringify(done.error)}`);
  return done.data;
}

const statusesOf = async (posts: readonly Post[], author: User) =>
  Promise.all(posts.map(async (post) => (await readPost(post.id, author)).data?.status));

/** Produces a message as another service's outbox router would put it on Kafka. */
async function answerAs(
  contract: { topic: string; type: string },
  key: string,
  payload: object,
  sagaId: string,
  correlationId: string = randomUUID(),
) {
  await produceRecords(contract.topic, [
    {
      key,
      value: JSON.stringify(payload),
      headers: {
        id: randomUUID(),
        eventType: contract.type,
        correlationId,
        sagaId,
        occurredAt: new Date().toISOString(),
        schemaVersion: '1',
      },
    },
  ]);
}

describe('delete a blog (saga 3)', () => {
  let recorder: TopicRecorder;
  let owner: User;
  const recorded = (type: string, sagaId: string) =>
    recorder.records.filter(
      (record) => record.headers['eventType'] === type && record.headers['sagaId'] === sagaId,
    );
  const payloadOf = (record: ReceivedRecord | undefined) =>
    record?.value as Record<string, unknown>;

  beforeAll(async () => {
    owner = await newUser();
    recorder = await TopicRecorder.start([
      BlogMessages.BlogCreated.topic,
      PostMessages.BlogPostsArchived.topic,
      SubscriptionMessages.BlogSubscriptionsClosed.topic,
    ]);
  });
  afterAll(() => recorder.stop());

  describe('a deletion every participant confirms', () => {
    let blog: Blog;
    let posts: Post[];
    let sagaId: string;

    it('is 202 DELETING under the saga’s lock; post refuses new work and archives the posts', async () => {
      blog = await createBlog(owner);
      posts = [
        await draft(owner, blog.id, 'A draft'),
        await publishedPost(owner, blog.id, 'Out there'),
      ];

      // Held in DELETING: subscribe's confirmation waits in the WAL until these checks are done
      // (on a quick stack the whole saga can end before a second request is sent).
      await whileConnectorPaused('outbox-subscribe', async () => {
        const started = await deleteBlog(blog.id, owner);
        expect(started.response.status).toBe(202);
        expect(started.data).toEqual({
          blogId: blog.id,
          sagaId: expect.any(String),
          status: 'DELETING',
        });
        sagaId = started.data?.sagaId ?? '';
        const held = { sagaId, sagaType: 'delete-blog' };

        expect((await readBlog(blog.id, owner)).data).toMatchObject({
          status: 'DELETING',
          deletion: { sagaId },
        });
        const update = await updateBlog(blog.id, owner, { title: 'Too late' });
        expect(update.response.status).toBe(409);
        expect(update.error).toMatchObject({ code: 'LOCKED', details: held });
        const again = await deleteBlog(blog.id, owner);
        expect(again.response.status).toBe(409);
        expect(again.error).toMatchObject({ code: 'LOCKED', details: held });

        await eventually(
          () => statusesOf(posts, owner),
          (statuses) => statuses.every((status) => status === 'ARCHIVED'),
        );
        // No new posts: refused under the deletion's lock.
        const late = await newPost(owner, blog.id, 'Late');
        expect(late.response.status).toBe(409);
        expect(late.error).toMatchObject({ code: 'LOCKED', details: held });
      });
      expect((await readPost(posts[1]?.id ?? '')).response.status).toBe(404);
      expect((await publish(posts[0]?.id ?? '', owner)).error?.code).toBe('POST.ARCHIVED');

      const archived = await recorder.waitFor(
        () => recorded(PostMessages.BlogPostsArchived.type, sagaId).length > 0,
        15_000,
      );
      expect(
        payloadOf(
          archived.find(
            (r) => r.headers['sagaId'] === sagaId && r.headers['eventType'] === 'BlogPostsArchived',
          ),
        ),
      ).toEqual({
        blogId: blog.id,
        postIds: posts.map((post) => post.id),
      });
    });

    it('is DELETED once subscribe has confirmed too', async () => {
      await recorder.waitFor(
        () => recorded(SubscriptionMessages.BlogSubscriptionsClosed.type, sagaId).length > 0,
        20_000,
      );
      expect(recorded(SubscriptionMessages.BlogSubscriptionsCloseRefused.type, sagaId)).toEqual([]);
      expect(recorded(SubscriptionMessages.BlogSubscriptionsClosed.type, sagaId)).toHaveLength(1);
      const deleted = await eventually(
        () => readBlog(blog.id, owner),
        (answer) => answer.data?.status === 'DELETED',
      );
      expect(deleted.data?.deletion).toEqual({ sagaId });
      expect((await readBlog(blog.id)).response.status).toBe(404);
      const listed = await client.GET('/api/blogs', { params: { query: { owner: owner.id } } });
      expect(listed.data?.items.map((item) => item.id)).not.toContain(blog.id);
      expect(await statusesOf(posts, owner)).toEqual(['ARCHIVED', 'ARCHIVED']);
      await recorder.waitFor(
        () => recorded(BlogMessages.BlogDeleted.type, sagaId).length > 0,
        15_000,
      );
      expect(recorded(BlogMessages.BlogDeleted.type, sagaId)).toHaveLength(1);
    });
  });

  describe('the consistency window: a participant learns of the lock through Kafka', () => {
    it('accepts a draft post has not yet learned is in a DELETING blog, and that draft always ends ARCHIVED', async () => {
      const blog = await createBlog(owner);
      await draft(owner, blog.id, 'Known before');
      // Blog's outbox held: the deletion is committed (202 DELETING) but post has not heard
      // of it, which is the milliseconds-long window on a running stack, made to last.
      const { started, late } = await whileConnectorPaused('outbox-blog', async () => {
        const deletion = await deleteBlog(blog.id, owner);
        expect(deletion.response.status).toBe(202);
        const created = await newPost(owner, blog.id, 'Written in the window');
        return { started: { sagaId: deletion.data?.sagaId ?? '' }, late: created };
      });
      expect(late.response.status).toBe(201);
      expect(late.data?.status).toBe('DRAFT');
      const lateId = late.data?.id ?? '';

      const settled = await eventually(
        () => readPost(lateId, owner),
        (answer) => answer.data?.status === 'ARCHIVED',
      );
      expect(settled.data?.status).toBe('ARCHIVED');
      const deleted = await eventually(
        () => readBlog(blog.id, owner),
        (answer) => answer.data?.status === 'DELETED',
      );
      expect(deleted.data?.deletion).toEqual({ sagaId: started.sagaId });
      await recorder.waitFor(
        () => recorded(PostMessages.BlogPostsArchived.type, started.sagaId).length > 0,
        15_000,
      );
      const [archived] = recorded(PostMessages.BlogPostsArchived.type, started.sagaId);
      const postIds = payloadOf(archived)['postIds'];
      expect(postIds).toContain(lateId);
    });
  });

  it('deleting a blog while a post is publishing: the deletion wins, deterministically', async () => {
    // Both interleavings: the deletion first (blog rejects the publication, BLOG_DELETING) and
    // the publication first (blog approves, then the deletion archives the published post).
    for (const deletionFirst of [true, false]) {
      const blog = await createBlog(owner);
      const posts = [
        await draft(owner, blog.id, 'Quiet'),
        await draft(owner, blog.id, 'Rushing out'),
      ];
      const target = posts[1]?.id ?? '';
      const [deletion, publication] = deletionFirst
        ? [await deleteBlog(blog.id, owner), await publish(target, owner)]
        : await Promise.all([deleteBlog(blog.id, owner), publish(target, owner)]);
      expect(deletion.response.status).toBe(202);
      const deletionSaga = deletion.data?.sagaId ?? '';
      expect([202, 409]).toContain(publication.response.status);
      if (publication.response.status === 409) {
        // post already knew the blog was DELETING: refused up front, under the deletion's lock.
        expect(publication.error).toMatchObject({
          code: 'LOCKED',
          details: { sagaId: deletionSaga },
        });
      }

      // Never a post left PUBLISHING or public: every post ends ARCHIVED.
      await eventually(
        () => statusesOf(posts, owner),
        (statuses) => statuses.every((status) => status === 'ARCHIVED'),
      );
      const rushed = (await readPost(target, owner)).data;
      if (publication.response.status === 202) {
        expect(rushed?.publication?.sagaId).toBe(publication.data?.sagaId);
        expect(['PUBLISHED', 'REJECTED']).toContain(rushed?.publication?.status);
        if (rushed?.publication?.status === 'REJECTED') {
          expect(rushed.publication.reason).toBe('BLOG_DELETING');
        }
      }
      expect((await readPost(target)).response.status).toBe(404);
      await recorder.waitFor(
        () => recorded(PostMessages.BlogPostsArchived.type, deletionSaga).length > 0,
        15_000,
      );
      expect(payloadOf(recorded(PostMessages.BlogPostsArchived.type, deletionSaga)[0])).toEqual({
        blogId: blog.id,
        postIds: posts.map((post) => post.id),
      });
      expect(['DELETING', 'DELETED']).toContain((await readBlog(blog.id, owner)).data?.status);
    }
  });

  it('a participant’s refusal makes the blog ACTIVE again and restores every archived post', async () => {
    const blog = await createBlog(owner);
    const posts = [
      await draft(owner, blog.id, 'Kept draft'),
      await publishedPost(owner, blog.id, 'Kept live'),
    ];
    // subscribe's real answer (it closes: nothing to object to) waits in the WAL while the
    // refusal, answered here as its outbox would, reaches blog first; without the pause the
    // real confirmation can win the race and the blog is simply DELETED.
    const { sagaId, restored } = await whileConnectorPaused('outbox-subscribe', async () => {
      const started = await deleteBlog(blog.id, owner);
      expect(started.response.status).toBe(202);
      const startedSaga = started.data?.sagaId ?? '';
      await answerAs(
        SubscriptionMessages.BlogSubscriptionsCloseRefused,
        blog.id,
        { blogId: blog.id, reason: 'subscriptions are being migrated' },
        startedSaga,
      );
      const active = await eventually(
        () => readBlog(blog.id, owner),
        (answer) => answer.data?.status === 'ACTIVE',
      );
      return { sagaId: startedSaga, restored: active };
    });
    expect(restored.data?.deletion).toBeNull();
    // subscribe's own confirmation arrives after the refusal; once blog has handled it (its
    // inbox holds the message id) the blog is still ACTIVE.
    await recorder.waitFor(
      () => recorded(SubscriptionMessages.BlogSubscriptionsClosed.type, sagaId).length > 0,
      30_000,
    );
    const lateConfirmation = recorded(SubscriptionMessages.BlogSubscriptionsClosed.type, sagaId)[0];
    await eventually(
      () =>
        rowsOf('blog', 'SELECT 1 FROM inbox WHERE message_id = $1', [
          lateConfirmation?.headers['id'],
        ]),
      (rows) => rows.length > 0,
    );
    expect((await readBlog(blog.id, owner)).data?.status).toBe('ACTIVE');
    await recorder.waitFor(
      () => recorded(BlogMessages.BlogDeletionCancelled.type, sagaId).length > 0,
      15_000,
    );
    expect(payloadOf(recorded(BlogMessages.BlogDeletionCancelled.type, sagaId)[0])).toEqual({
      blogId: blog.id,
      reason: 'subscribe: subscriptions are being migrated',
    });
    // post had archived them (its confirmation came too late to matter), then restored them.
    await recorder.waitFor(
      () => recorded(PostMessages.BlogPostsArchived.type, sagaId).length > 0,
      15_000,
    );
    await eventually(
      () => statusesOf(posts, owner),
      (statuses) => statuses[0] === 'DRAFT' && statuses[1] === 'PUBLISHED',
    );
    expect((await readPost(posts[1]?.id ?? '')).response.status).toBe(200);

    const update = await updateBlog(blog.id, owner, { description: 'still here' });
    expect(update.response.status).toBe(200);
    await eventually(
      () => newPost(owner, blog.id, 'New'),
      (answer) => answer.response.status === 201,
    );
  });

  it('closing an account deletes each of its blogs in a child saga; no blogs is answered at once', async () => {
    const closing = await newUser();
    const blogs = [
      await createBlog(closing, 'First of two'),
      await createBlog(closing, 'Second of two'),
    ];
    const closureSagaId = randomUUID();
    const closureCorrelation = randomUUID();
    // auth starts saga 4 (answered here as auth's outbox would).
    await answerAs(
      AccountMessages.AccountClosureRequested,
      closing.id,
      { accountId: closing.id },
      closureSagaId,
      closureCorrelation,
    );

    // Each blog is under a deletion saga of its own (DELETED already if its participants
    // answered before the first read: the lock's saga id stays on the blog).
    const deleting = await eventually(
      () => Promise.all(blogs.map(async (blog) => (await readBlog(blog.id, closing)).data)),
      (states) =>
        states.every(
          (state) =>
            ['DELETING', 'DELETED'].includes(state?.status ?? '') &&
            (state?.deletion ?? null) !== null,
        ),
    );
    const children = deleting.map((state) => state?.deletion?.sagaId);
    expect(new Set(children).size).toBe(2);
    expect(children).not.toContain(closureSagaId);
    await recorder.waitFor(
      () =>
        children.every((child) =>
          recorded(BlogMessages.BlogDeletionRequested.type, child ?? '').some(
            (record) => record.headers['correlationId'] === closureCorrelation,
          ),
        ),
      15_000,
    );
    const late = await client.POST('/api/blogs', {
      headers: bearer(closing.token),
      body: { title: 'Escape' },
    });
    expect(late.response.status).toBe(409);
    expect(late.error).toMatchObject({
      code: 'LOCKED',
      details: { sagaId: closureSagaId, sagaType: 'close-account' },
    });

    const empty = await newUser();
    const emptySaga = randomUUID();
    await answerAs(
      AccountMessages.AccountClosureRequested,
      empty.id,
      { accountId: empty.id },
      emptySaga,
    );
    const answered = await recorder.waitFor(
      () => recorded(BlogMessages.AccountBlogsDeleted.type, emptySaga).length > 0,
      15_000,
    );
    const answer = answered.find(
      (record) =>
        record.headers['sagaId'] === emptySaga &&
        record.headers['eventType'] === 'AccountBlogsDeleted',
    );
    expect(answer?.key).toBe(empty.id);
    expect(answer?.value).toEqual({ accountId: empty.id, blogIds: [] });
  });
});
