import { randomUUID } from 'node:crypto';
import { BlogMessages } from '@blog/contracts';
import { api, type ApiResponse, eventually, mintAccessToken, produceRecords } from '@blog/testing';

// Saga 2 through the running stack: post → Debezium → Kafka → blog.publication → Debezium →
// Kafka → post. Every account, blog and post is fresh: the stack is shared.

interface User {
  readonly id: string;
  readonly token: string;
}
interface Blog {
  readonly id: string;
  readonly status: string;
}
interface Post {
  readonly id: string;
  readonly blogId: string;
  readonly title: string;
  readonly body: string;
  readonly status: string;
  readonly version: number;
  readonly publishedAt: string | null;
  readonly publication: { sagaId: string; status: string; reason: string | null } | null;
}
interface Publication {
  readonly postId: string;
  readonly sagaId: string;
  readonly status: string;
}
interface ErrorBody {
  readonly code: string;
  readonly details?: Record<string, unknown>;
}

async function newUser(): Promise<User> {
  const id = randomUUID();
  return { id, token: await mintAccessToken({ accountId: id }) };
}

async function createBlog(owner: User): Promise<Blog> {
  const created = await api<Blog>('POST', '/api/blogs', {
    token: owner.token,
    body: { title: `Publishing ${randomUUID().slice(0, 8)}` },
  });
  expect(created.status).toBe(201);
  return created.body;
}

/** post learns a blog from BlogCreated: until it has, a draft is 404 POST.BLOG_NOT_FOUND. */
async function draft(author: User, blogId: string, title = 'A title', body = 'A body') {
  const created = await eventually(
    () => api<Post>('POST', '/api/posts', { token: author.token, body: { blogId, title, body } }),
    (response) => response.status !== 404,
  );
  expect(created.status).toBe(201);
  return created.body;
}

const read = (postId: string, reader?: User) =>
  api<Post>('GET', `/api/posts/${postId}`, reader ? { token: reader.token } : {});

const settled = (postId: string, author: User) =>
  eventually(
    () => read(postId, author),
    (response) => response.status === 200 && response.body.status !== 'PUBLISHING',
  );

const publish = (postId: string, author: User) =>
  api<Publication & ErrorBody>('POST', `/api/posts/${postId}/publish`, { token: author.token });

describe('publish a post (saga 2)', () => {
  let author: User;
  let blog: Blog;

  beforeAll(async () => {
    author = await newUser();
    blog = await createBlog(author);
  });

  it('answers 202 PUBLISHING, then the post is PUBLISHED and readable anonymously', async () => {
    const post = await draft(author, blog.id, 'Hello, readers');
    expect((await read(post.id)).status).toBe(404);

    const started = await publish(post.id, author);
    expect(started.status).toBe(202);
    expect(started.body).toEqual({
      postId: post.id,
      sagaId: expect.any(String),
      status: 'PUBLISHING',
    });

    const done = await settled(post.id, author);
    expect(done.body).toMatchObject({
      status: 'PUBLISHED',
      publishedAt: expect.any(String),
      publication: { sagaId: started.body.sagaId, status: 'PUBLISHED', reason: null },
    });
    const anonymous = await read(post.id);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ title: 'Hello, readers', status: 'PUBLISHED' });
    const listed = await api<{ items: { id: string }[] }>('GET', `/api/posts?blogId=${blog.id}`);
    expect(listed.body.items.map((item) => item.id)).toContain(post.id);
  });

  it('takes a bodyless publish that says application/json, as many HTTP clients send it', async () => {
    const post = await draft(author, blog.id, 'Sent by a client that always says JSON');
    const started = await api<Publication>('POST', `/api/posts/${post.id}/publish`, {
      token: author.token,
      headers: { 'content-type': 'application/json' },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ postId: post.id, status: 'PUBLISHING' });
    expect((await settled(post.id, author)).body.status).toBe('PUBLISHED');
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
    expect(started.status).toBe(202);

    const done = await settled(post.id, author);
    expect(done.body).toMatchObject({
      status: 'DRAFT',
      publishedAt: null,
      publication: { sagaId: started.body.sagaId, status: 'REJECTED', reason: 'BLOG_NOT_FOUND' },
    });
    expect((await read(post.id)).status).toBe(404);
  });

  it('an edit racing a publish gets 409 LOCKED or lands before it — never a silent overwrite', async () => {
    for (let round = 0; round < 4; round += 1) {
      const post = await draft(author, blog.id, `Race ${round}`, 'original');
      const etag = (await read(post.id, author)).headers.get('etag') ?? '';
      expect(etag).toBe(`"${post.version}"`);

      const edit = () =>
        api<Post & ErrorBody>('PATCH', `/api/posts/${post.id}`, {
          token: author.token,
          headers: { 'if-match': etag },
          body: { body: 'edited' },
        });
      // Alternate who starts first so both interleavings get exercised.
      const [edited, started]: [ApiResponse<Post & ErrorBody>, ApiResponse<Publication>] =
        round % 2 === 0
          ? await Promise.all([edit(), publish(post.id, author)])
          : await Promise.all([publish(post.id, author), edit()]).then(([p, e]) => [e, p]);

      expect(started.status).toBe(202);
      expect([200, 409]).toContain(edited.status);
      if (edited.status === 409) {
        expect(edited.body).toMatchObject({
          code: 'LOCKED',
          details: { sagaId: started.body.sagaId, sagaType: 'publish-post' },
        });
      }

      const done = await settled(post.id, author);
      expect(done.body.status).toBe('PUBLISHED');
      expect(done.body.publication).toMatchObject({
        sagaId: started.body.sagaId,
        status: 'PUBLISHED',
      });
      expect(done.body.body).toBe(edited.status === 200 ? 'edited' : 'original');
    }
  });

  it('a stale If-Match is 409 POST.VERSION_CONFLICT, a missing one 428; nothing changes', async () => {
    const post = await draft(author, blog.id, 'Versioned', 'v1');
    const first = await api<Post>('PATCH', `/api/posts/${post.id}`, {
      token: author.token,
      headers: { 'if-match': `"${post.version}"` },
      body: { body: 'v2' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${post.version + 1}"`);

    const stale = await api<ErrorBody>('PATCH', `/api/posts/${post.id}`, {
      token: author.token,
      headers: { 'if-match': `"${post.version}"` },
      body: { body: 'lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'POST.VERSION_CONFLICT',
      details: { expected: post.version, actual: post.version + 1 },
    });

    const blind = await api<ErrorBody>('PATCH', `/api/posts/${post.id}`, {
      token: author.token,
      body: { body: 'blind write' },
    });
    expect(blind.status).toBe(428);
    expect(blind.body.code).toBe('POST.PRECONDITION_REQUIRED');

    const now = await read(post.id, author);
    expect(now.body).toMatchObject({ body: 'v2', version: post.version + 1 });
  });
});
