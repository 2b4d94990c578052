import { randomUUID } from 'node:crypto';
import { BlogMessages } from '@blog/contracts';
import { api, bearer, client, eventually, mintAccessToken, produceRecords } from '@blog/testing';

// Saga 2 through the running stack: post → Debezium → Kafka → blog.publication → Debezium →
// Kafka → post. Every account, blog and post is fresh: the stack is shared.

interface User {
  readonly id: string;
  readonly token: string;
}
interface Blog {
  readonly id: string;
}
interface Publication {
  readonly postId: string;
  readonly status: string;
}

async function newUser(): Promise<User> {
  const id = randomUUID();
  return { id, token: await mintAccessToken({ accountId: id }) };
}

async function createBlog(owner: User): Promise<Blog> {
  const created = await client.POST('/api/blogs', {
    headers: bearer(owner.token),
    body: { title: `Publishing ${randomUUID().slice(0, 8)}` },
  });
  expect(created.response.status).toBe(201);
  if (!created.data) throw new Error(`create answered ${JSON.stringify(created.error)}`);
  return created.data;
}

/** post learns a blog from BlogCreated: until it has, a draft is 404 POST.BLOG_NOT_FOUND. */
async function draft(author: User, blogId: string, title = 'A title', body = 'A body') {
  const created = await eventually(
    () =>
      client.POST('/api/posts', { headers: bearer(author.token), body: { blogId, title, body } }),
    (answer) => answer.response.status !== 404,
  );
  expect(created.response.status).toBe(201);
  if (!created.data) throw new Error(`draft answered ${JSON.stringify(created.error)}`);
  return created.data;
}

const read = (postId: string, reader?: User) =>
  client.GET('/api/posts/{postId}', {
    params: { path: { postId } },
    ...(reader ? { headers: bearer(reader.token) } : {}),
  });

const settled = (postId: string, author: User) =>
  eventually(
    () => read(postId, author),
    (answer) => answer.response.status === 200 && answer.data?.status !== 'PUBLISHING',
  );

const publish = (postId: string, author: User) =>
  client.POST('/api/posts/{postId}/publish', {
    params: { path: { postId } },
    headers: bearer(author.token),
  });

describe('publish a post (saga 2)', () => {
  let author: User;
  let blog: Blog;

  beforeAll(async () => {
    author = await newUser();
    blog = await createBlog(author);
  });

  it('answers 202 PUBLISHING, then the post is PUBLISHED and readable anonymously', async () => {
    const post = await draft(author, blog.id, 'Hello, readers');
    expect((await read(post.id)).response.status).toBe(404);

    const started = await publish(post.id, author);
    expect(started.response.status).toBe(202);
    expect(started.data).toEqual({
      postId: post.id,
      sagaId: expect.any(String),
      status: 'PUBLISHING',
    });

    const done = await settled(post.id, author);
    expect(done.data).toMatchObject({
      status: 'PUBLISHED',
      publishedAt: expect.any(String),
      publication: { sagaId: started.data?.sagaId, status: 'PUBLISHED', reason: null },
    });
    const anonymous = await read(post.id);
    expect(anonymous.response.status).toBe(200);
    expect(anonymous.data).toMatchObject({ title: 'Hello, readers', status: 'PUBLISHED' });
    const listed = await client.GET('/api/posts', { params: { query: { blogId: blog.id } } });
    expect(listed.data?.items.map((item) => item.id)).toContain(post.id);
  });

  it('takes a bodyless publish that says application/json, as many HTTP clients send it', async () => {
    const post = await draft(author, blog.id, 'Sent by a client that always says JSON');
    // A content type with no body is the point, on the wire as such clients send it: api().
    const started = await api<Publication>('POST', `/api/posts/${post.id}/publish`, {
      token: author.token,
      headers: { 'content-type': 'application/json' },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ postId: post.id, status: 'PUBLISHING' });
    expect((await settled(post.id, author)).data?.status).toBe('PUBLISHED');
  });

  it('a rejected publication leaves the post DRAFT with the blog’s reason', async () => {
    // A blog post has heard of but blog does not know (e.g. blog's database restored from an
    // older backup): post lets the author draft, blog refuses the publication.
    const blogId = randomUUID();
    await produceRecords(BlogMessages.BlogCreated.topic, [
      {
        key: blogId,
        value: JSON.stringify({ blogId, ownerId: author.id, title: 'Ghost', slug: 'ghost' }),
        headers: {
          id: randomUUID(),
          eventType: BlogMessages.BlogCreated.type,
          correlationId: randomUUID(),
          occurredAt: new Date().toISOString(),
          schemaVersion: '1',
        },
      },
    ]);
    const post = await draft(author, blogId);
    const started = await publish(post.id, author);
    expect(started.response.status).toBe(202);

    const done = await settled(post.id, author);
    expect(done.data).toMatchObject({
      status: 'DRAFT',
      publishedAt: null,
      publication: { sagaId: started.data?.sagaId, status: 'REJECTED', reason: 'BLOG_NOT_FOUND' },
    });
    expect((await read(post.id)).response.status).toBe(404);
  });

  it('an edit racing a publish gets 409 LOCKED or lands before it — never a silent overwrite', async () => {
    for (let round = 0; round < 4; round += 1) {
      const post = await draft(author, blog.id, `Race ${round}`, 'original');
      const etag = (await read(post.id, author)).response.headers.get('etag') ?? '';
      expect(etag).toBe(`"${post.version}"`);

      const edit = () =>
        client.PATCH('/api/posts/{postId}', {
          params: { path: { postId: post.id }, header: { 'if-match': etag } },
          headers: bearer(author.token),
          body: { body: 'edited' },
        });
      // Alternate who starts first so both interleavings get exercised.
      const [edited, started] =
        round % 2 === 0
          ? await Promise.all([edit(), publish(post.id, author)])
          : await Promise.all([publish(post.id, author), edit()]).then(([p, e]) => [e, p] as const);

      expect(started.response.status).toBe(202);
      expect([200, 409]).toContain(edited.response.status);
      if (edited.response.status === 409) {
        expect(edited.error).toMatchObject({
          code: 'LOCKED',
          details: { sagaId: started.data?.sagaId, sagaType: 'publish-post' },
        });
      }

      const done = await settled(post.id, author);
      expect(done.data?.status).toBe('PUBLISHED');
      expect(done.data?.publication).toMatchObject({
        sagaId: started.data?.sagaId,
        status: 'PUBLISHED',
      });
      expect(done.data?.body).toBe(edited.response.status === 200 ? 'edited' : 'original');
    }
  });

  it('a stale If-Match is 409 POST.VERSION_CONFLICT, a missing one 428; nothing changes', async () => {
    const post = await draft(author, blog.id, 'Versioned', 'v1');
    const path = { postId: post.id };
    const headers = bearer(author.token);
    const first = await client.PATCH('/api/posts/{postId}', {
      params: { path, header: { 'if-match': `"${post.version}"` } },
      headers,
      body: { body: 'v2' },
    });
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('etag')).toBe(`"${post.version + 1}"`);

    const stale = await client.PATCH('/api/posts/{postId}', {
      params: { path, header: { 'if-match': `"${post.version}"` } },
      headers,
      body: { body: 'lost update' },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({
      code: 'POST.VERSION_CONFLICT',
      details: { expected: post.version, actual: post.version + 1 },
    });

    const blind = await client.PATCH('/api/posts/{postId}', {
      params: { path },
      headers,
      body: { body: 'blind write' },
    });
    expect(blind.response.status).toBe(428);
    expect(blind.error?.code).toBe('POST.PRECONDITION_REQUIRED');

    const now = await read(post.id, author);
    expect(now.data).toMatchObject({ body: 'v2', version: post.version + 1 });
  });
});
