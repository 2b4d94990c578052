import { randomUUID } from 'node:crypto';
import { AccountMessages, BlogMessages, PostMessages, VisitorMessages } from '@blog/contracts';
import {
  api,
  bearer,
  client,
  ensureTopics,
  eventually,
  mintAccessToken,
  produceRecords,
  TopicRecorder,
} from '@blog/testing';

// visitor through the running stack. post and blog are being written in parallel, so their
// events are produced onto their real topics exactly as Debezium's outbox router would;
// visitor's own consumers then react for real. Every id is fresh: the stack is shared.

async function publish(topic: string, type: string, key: string, payload: object, sagaId?: string) {
  await produceRecords(topic, [
    {
      key,
      value: JSON.stringify(payload),
      headers: {
        id: randomUUID(),
        eventType: type,
        correlationId: randomUUID(),
        ...(sagaId ? { sagaId } : {}),
        occurredAt: new Date().toISOString(),
        schemaVersion: '1',
      },
    },
  ]);
}

async function publishedPost(
  blogId: string = randomUUID(),
): Promise<{ postId: string; blogId: string }> {
  const postId = randomUUID();
  await publish(
    PostMessages.PostPublished.topic,
    PostMessages.PostPublished.type,
    postId,
    {
      postId,
      blogId,
      authorId: randomUUID(),
      title: 'A post worth visiting',
      slug: `post-${postId}`,
      publishedAt: new Date().toISOString(),
    },
    randomUUID(),
  );
  // Counters open when visitor has consumed the event.
  await eventually(
    () => client.GET('/api/stats/posts/{postId}', { params: { path: { postId } } }),
    (answer) => answer.response.status === 200,
  );
  return { postId, blogId };
}

const visit = (postId: string, headers: Record<string, string> = {}, token?: string) =>
  client.POST('/api/visits', {
    body: { postId },
    headers: { ...headers, ...(token ? bearer(token) : {}) },
  });

const stats = async (postId: string) =>
  (await client.GET('/api/stats/posts/{postId}', { params: { path: { postId } } })).data;

describe('visitor: visits and stats', () => {
  it('counts total views and unique visitors per post and per blog', async () => {
    const { postId, blogId } = await publishedPost();
    const [alice, bob] = [randomUUID(), randomUUID()];
    for (const visitor of [alice, alice, alice, bob]) {
      expect((await visit(postId, { 'x-visitor-id': visitor })).response.status).toBe(201);
    }
    expect(await stats(postId)).toEqual({
      postId,
      blogId,
      open: true,
      views: 4,
      uniqueVisitors: 2,
    });

    const { postId: second } = await publishedPost(blogId);
    await visit(second, { 'x-visitor-id': alice });
    await visit(second, { 'x-visitor-id': randomUUID() });
    const blogStats = await client.GET('/api/stats/blogs/{blogId}', {
      params: { path: { blogId } },
    });
    expect(blogStats.data).toEqual({
      blogId,
      posts: 2,
      views: 6,
      uniqueVisitors: 3,
    });
  });

  it('gives an anonymous visitor without an id a vid cookie, and recognises it after', async () => {
    const { postId } = await publishedPost();
    const first = await visit(postId);
    expect([first.response.status, first.data]).toMatchObject([201, { postId, firstVisit: true }]);
    const cookie = first.response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vid=[0-9a-f-]{36}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const vid = cookie.split(';')[0] ?? '';
    const again = await visit(postId, { cookie: vid });
    expect([again.response.status, again.data]).toMatchObject([201, { firstVisit: false }]);
    expect(again.response.headers.get('set-cookie')).toBeNull();

    const withHeader = await visit(postId, { 'x-visitor-id': randomUUID() });
    expect([withHeader.response.status, withHeader.data]).toMatchObject([
      201,
      { firstVisit: true },
    ]);
    expect(withHeader.response.headers.get('set-cookie')).toBeNull();
    expect(await stats(postId)).toMatchObject({ views: 3, uniqueVisitors: 2 });
  });

  it('orders popular posts by views over the window', async () => {
    const blogId = randomUUID();
    const posts = [
      await publishedPost(blogId),
      await publishedPost(blogId),
      await publishedPost(blogId),
    ];
    const views = [2, 5, 3];
    await Promise.all(
      posts.flatMap(({ postId }, index) =>
        Array.from({ length: views[index] ?? 0 }, () =>
          visit(postId, { 'x-visitor-id': randomUUID() }),
        ),
      ),
    );
    const popular = await client.GET('/api/stats/popular', {
      params: { query: { window: '1h', limit: 10, blogId } },
    });
    expect(popular.response.status).toBe(200);
    expect(popular.data?.items.map((item) => [item.postId, item.views])).toEqual([
      [posts[1]?.postId, 5],
      [posts[2]?.postId, 3],
      [posts[0]?.postId, 2],
    ]);
    const top = await client.GET('/api/stats/popular', {
      params: { query: { window: '7d', limit: 1, blogId } },
    });
    expect(top.data?.items).toHaveLength(1);
    // A window the document does not offer, so through the untyped api().
    expect((await api('GET', '/api/stats/popular?window=2h')).body).toMatchObject({
      code: 'VISITOR.INVALID_INPUT',
    });
  });

  it('refuses visits to unknown or unpublished posts with 404', async () => {
    expect((await visit(randomUUID())).error).toMatchObject({ code: 'VISITOR.POST_NOT_FOUND' });
    const { postId, blogId } = await publishedPost();
    await publish(PostMessages.PostUnpublished.topic, PostMessages.PostUnpublished.type, postId, {
      postId,
      blogId,
    });
    const refused = await eventually(
      () => visit(postId, { 'x-visitor-id': randomUUID() }),
      (answer) => answer.response.status === 404,
    );
    expect(refused.error).toMatchObject({ code: 'VISITOR.POST_NOT_FOUND' });
    // A blogId the visit body does not have, so through the untyped api().
    const wrongBlog = await api('POST', '/api/visits', {
      body: { postId: (await publishedPost()).postId, blogId },
    });
    expect(wrongBlog).toMatchObject({ status: 404, body: { code: 'VISITOR.POST_NOT_FOUND' } });
  });

  it('anonymises a closed account’s visits and keeps the counts (saga 4)', async () => {
    const { postId } = await publishedPost();
    const accountId = randomUUID();
    const token = await mintAccessToken({ accountId });
    await visit(postId, { 'x-visitor-id': randomUUID() }, token);
    await visit(postId, { 'x-visitor-id': randomUUID() });
    const before = await stats(postId);
    const sagaId = randomUUID();
    await publish(
      AccountMessages.AccountClosureRequested.topic,
      AccountMessages.AccountClosureRequested.type,
      accountId,
      { accountId },
      sagaId,
    );
    // The reply is visitor's only outward sign; its outbox row reaches Kafka through Debezium.
    await ensureTopics([VisitorMessages.AccountVisitsAnonymised.topic]);
    const recorder = await TopicRecorder.start([VisitorMessages.AccountVisitsAnonymised.topic]);
    try {
      const records = await recorder.waitFor(
        (all) => all.some((r) => r.headers['sagaId'] === sagaId),
        30_000,
      );
      const reply = records.find((r) => r.headers['sagaId'] === sagaId);
      expect(reply).toMatchObject({
        key: accountId,
        value: { accountId, visits: 1 },
        headers: { eventType: 'AccountVisitsAnonymised' },
      });
    } finally {
      await recorder.stop();
    }
    expect(await stats(postId)).toEqual(before);
  });

  it('counts nothing once the blog is deleted', async () => {
    const { postId, blogId } = await publishedPost();
    await publish(BlogMessages.BlogDeleted.topic, BlogMessages.BlogDeleted.type, blogId, {
      blogId,
    });
    await eventually(
      () => visit(postId, { 'x-visitor-id': randomUUID() }),
      (answer) => answer.response.status === 404,
    );
    expect(await stats(postId)).toMatchObject({ open: false });
  });
});

describe('visitor: input at the edge', () => {
  it.each([
    ['unknown fields', { postId: randomUUID(), extra: true }],
    ['a wrong type', { postId: 42 }],
    ['a malformed id', { postId: 'post-1' }],
  ])('refuses %s with 400 and a code', async (_, body) => {
    // Bodies the document refuses, so through the untyped api().
    expect(await api('POST', '/api/visits', { body })).toMatchObject({
      status: 400,
      body: { code: 'VISITOR.INVALID_INPUT' },
    });
  });

  it('refuses an x-visitor-id that is not a UUID', async () => {
    const { postId } = await publishedPost();
    const refused = await visit(postId, { 'x-visitor-id': 'me' });
    expect([refused.response.status, refused.error?.code]).toEqual([400, 'VISITOR.INVALID_INPUT']);
  });

  it('refuses malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await api<{ code: string }>('POST', '/api/visits', { body: '{"postId": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toEqual(expect.any(String));
    const huge = JSON.stringify({ postId: randomUUID(), padding: 'x'.repeat(200_000) });
    expect((await api('POST', '/api/visits', { body: huge })).status).toBe(413);
  });
});
