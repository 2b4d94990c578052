import { randomUUID } from 'node:crypto';
import { BlogMessages, PostMessages } from '@blog/contracts';
import {
  api,
  type ApiResponse,
  bearer,
  client,
  eventually,
  mintAccessToken,
  produceRecords,
} from '@blog/testing';

// subscribe through the running stack. blog and post are being written in parallel, so
// their events are produced onto their real topics exactly as Debezium's outbox router
// would; subscribe's own consumers then react for real. Every id is fresh.

async function produce(
  contract: { topic: string; type: string },
  key: string,
  payload: object,
  sagaId: string | null = randomUUID(),
) {
  await produceRecords(contract.topic, [
    {
      key,
      value: JSON.stringify(payload),
      headers: {
        id: randomUUID(),
        eventType: contract.type,
        correlationId: randomUUID(),
        ...(sagaId === null ? {} : { sagaId }),
        occurredAt: new Date().toISOString(),
        schemaVersion: '1',
      },
    },
  ]);
}

const reader = async () => {
  const accountId = randomUUID();
  return { accountId, token: await mintAccessToken({ accountId }) };
};

const subscribe = (token: string, blogId: string) =>
  client.POST('/api/subscriptions', { headers: bearer(token), body: { blogId } });

async function createBlog(title = 'Field notes'): Promise<string> {
  const blogId = randomUUID();
  await produce(
    BlogMessages.BlogCreated,
    blogId,
    { blogId, ownerId: randomUUID(), title, slug: `blog-${blogId}` },
    // BlogCreated is not part of a saga here.
    null,
  );
  return blogId;
}

/** Subscribes as soon as subscribe has learned about the blog (404 until then). */
async function subscribeWhenKnown(token: string, blogId: string) {
  return eventually(
    () => subscribe(token, blogId),
    (answer) => answer.response.status !== 404,
  );
}

async function publishPost(blogId: string, publishedAt = new Date()): Promise<string> {
  const postId = randomUUID();
  await produce(PostMessages.PostPublished, postId, {
    postId,
    blogId,
    authorId: randomUUID(),
    title: `Post ${postId.slice(0, 8)}`,
    slug: `post-${postId}`,
    publishedAt: publishedAt.toISOString(),
  });
  return postId;
}

const feed = (token: string, query: { limit?: number; cursor?: string } = {}) =>
  client.GET('/api/feed', { params: { query }, headers: bearer(token) });

const feedItems = (answer: Awaited<ReturnType<typeof feed>>) => answer.data?.items ?? [];

const subscriptions = (token: string, query: { limit?: number; cursor?: string } = {}) =>
  client.GET('/api/subscriptions', { params: { query }, headers: bearer(token) });

const unsubscribe = (token: string | undefined, blogId: string) =>
  client.DELETE('/api/subscriptions/{blogId}', {
    params: { path: { blogId } },
    ...(token ? { headers: bearer(token) } : {}),
  });

describe('feed: subscribe, publish, read', () => {
  it('shows a subscribed blog’s new posts in the feed, newest first, page by page', async () => {
    const { token } = await reader();
    const blogId = await createBlog('Birdwatching');
    const subscribed = await subscribeWhenKnown(token, blogId);
    expect([subscribed.response.status, subscribed.data]).toMatchObject([
      201,
      { blogId, status: 'active' },
    ]);
    const again = await subscribe(token, blogId);
    expect([again.response.status, again.data]).toMatchObject([200, { blogId }]);

    const now = Date.now();
    const posts = [
      await publishPost(blogId, new Date(now - 120_000)),
      await publishPost(blogId, new Date(now - 60_000)),
      await publishPost(blogId, new Date(now)),
    ];
    const full = await eventually(
      () => feed(token),
      (answer) => feedItems(answer).length === 3,
    );
    expect(feedItems(full).map((item) => item.postId)).toEqual([...posts].reverse());
    expect(feedItems(full)[0]).toMatchObject({ blogId, blogTitle: 'Birdwatching' });

    const first = await feed(token, { limit: 2 });
    expect(feedItems(first).map((item) => item.postId)).toEqual([posts[2], posts[1]]);
    expect(first.data?.nextCursor).toEqual(expect.any(String));
    const second = await feed(token, { limit: 2, cursor: first.data?.nextCursor ?? '' });
    expect(second.data).toEqual({
      items: [expect.objectContaining({ postId: posts[0] })],
      nextCursor: null,
    });
  });

  it('stops showing a blog’s later posts after unsubscribing', async () => {
    const { token } = await reader();
    const blogId = await createBlog();
    await subscribeWhenKnown(token, blogId);
    const before = await publishPost(blogId);
    await eventually(
      () => feed(token),
      (answer) => feedItems(answer).length === 1,
    );
    expect((await unsubscribe(token, blogId)).response.status).toBe(204);
    const twice = await unsubscribe(token, blogId);
    expect([twice.response.status, twice.error?.code]).toEqual([404, 'SUBSCRIBE.NOT_SUBSCRIBED']);

    // A marker post on a blog still subscribed shows when the later post has been handled too.
    const markerBlog = await createBlog();
    await subscribeWhenKnown(token, markerBlog);
    const after = await publishPost(blogId);
    const marker = await publishPost(markerBlog);
    const items = feedItems(
      await eventually(
        () => feed(token),
        (answer) => feedItems(answer).some((item) => item.postId === marker),
      ),
    ).map((item) => item.postId);
    expect(items).toContain(before);
    expect(items).not.toContain(after);
  });

  it('lists my subscriptions with cursor pagination', async () => {
    const { token } = await reader();
    const blogs = [await createBlog(), await createBlog(), await createBlog()];
    for (const blogId of blogs) await subscribeWhenKnown(token, blogId);
    const first = await subscriptions(token, { limit: 2 });
    expect(first.data?.items.map((item) => item.blogId)).toEqual([blogs[2], blogs[1]]);
    const rest = await subscriptions(token, { limit: 2, cursor: first.data?.nextCursor ?? '' });
    expect(rest.data).toEqual({
      items: [expect.objectContaining({ blogId: blogs[0], status: 'active' })],
      nextCursor: null,
    });
  });
});

describe('feed: blogs that cannot be subscribed to', () => {
  it('refuses an unknown blog with 404', async () => {
    const { token } = await reader();
    const unknown = await subscribe(token, randomUUID());
    expect([unknown.response.status, unknown.error?.code]).toEqual([
      404,
      'SUBSCRIBE.BLOG_NOT_FOUND',
    ]);
  });

  it('refuses a blog being deleted with 409 LOCKED naming the saga, and closes its existing subscriptions', async () => {
    const [owner, late] = [await reader(), await reader()];
    const blogId = await createBlog();
    await subscribeWhenKnown(owner.token, blogId);
    const sagaId = randomUUID();
    await produce(
      BlogMessages.BlogDeletionRequested,
      blogId,
      { blogId, ownerId: owner.accountId },
      sagaId,
    );

    const refused = await eventually(
      () => subscribe(late.token, blogId),
      (answer) => answer.response.status === 409,
    );
    expect(refused.error).toMatchObject({
      code: 'LOCKED',
      details: { sagaId, sagaType: 'delete-blog' },
    });
    const mine = await subscriptions(owner.token);
    expect(mine.data?.items).toEqual([expect.objectContaining({ blogId, status: 'closed' })]);
  });
});

describe('feed: security and input at the edge', () => {
  it('does not let another user unsubscribe someone else', async () => {
    const [alice, mallory] = [await reader(), await reader()];
    const blogId = await createBlog();
    await subscribeWhenKnown(alice.token, blogId);
    const refused = await unsubscribe(mallory.token, blogId);
    expect([refused.response.status, refused.error?.code]).toEqual([
      404,
      'SUBSCRIBE.NOT_SUBSCRIBED',
    ]);
    const mine = await subscriptions(alice.token);
    expect(mine.data?.items.map((item) => item.blogId)).toEqual([blogId]);
  });

  it('needs a token for every route', async () => {
    const blogId = randomUUID();
    for (const { response } of [
      await client.POST('/api/subscriptions', { body: { blogId } }),
      await unsubscribe(undefined, blogId),
      await client.GET('/api/subscriptions'),
      await client.GET('/api/feed'),
    ]) {
      expect(response.status).toBe(401);
    }
  });

  it.each([
    ['unknown fields', { blogId: randomUUID(), admin: true }],
    ['a wrong type', { blogId: 7 }],
    ['a malformed id', { blogId: 'blog-1' }],
    ['a missing field', {}],
  ])('refuses %s with 400 and a code', async (_, body) => {
    const { token } = await reader();
    // Bodies the document refuses, so through the untyped api().
    expect(await api('POST', '/api/subscriptions', { token, body })).toMatchObject({
      status: 400,
      body: { code: 'SUBSCRIBE.INVALID_INPUT' },
    });
  });

  it('refuses bad paging input with 400 and a code', async () => {
    const { token } = await reader();
    // Raw query strings, some the document cannot express (a non-number limit, an unknown key).
    for (const query of ['?limit=0', '?limit=abc', '?cursor=not-a-cursor', '?sort=asc']) {
      const response: ApiResponse<unknown> = await api('GET', `/api/feed${query}`, { token });
      expect(response).toMatchObject({ status: 400, body: { code: 'SUBSCRIBE.INVALID_INPUT' } });
    }
  });

  it('refuses malformed JSON with 400 and an oversized body with 413', async () => {
    const { token } = await reader();
    const malformed = await api<{ code: string }>('POST', '/api/subscriptions', {
      token,
      body: '{"blogId": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toEqual(expect.any(String));
    const huge = JSON.stringify({ blogId: randomUUID(), padding: 'x'.repeat(200_000) });
    expect((await api('POST', '/api/subscriptions', { token, body: huge })).status).toBe(413);
  });
});
