import { randomUUID } from 'node:crypto';
import { api, eventually, mintAccessToken } from '@blog/testing';

// post's own routes through the running stack: reads and lists, who may do what, and what
// the edge refuses. Every account, blog and post is fresh: the stack is shared.

interface User {
  readonly id: string;
  readonly token: string;
}
interface Post {
  readonly id: string;
  readonly blogId: string;
  readonly authorId: string;
  readonly title: string;
  readonly slug: string;
  readonly body: string;
  readonly status: string;
  readonly version: number;
}
interface Page {
  readonly items: { id: string; status: string; excerpt: string }[];
  readonly nextCursor: string | null;
}
interface ErrorBody {
  readonly code: string;
}

async function newUser(): Promise<User> {
  const id = randomUUID();
  return { id, token: await mintAccessToken({ accountId: id }) };
}

async function createBlog(owner: User): Promise<string> {
  const created = await api<{ id: string }>('POST', '/api/blogs', {
    token: owner.token,
    body: { title: `Posts ${randomUUID().slice(0, 8)}` },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** post learns a blog from BlogCreated: until it has, a draft is 404 POST.BLOG_NOT_FOUND. */
async function draft(author: User, blogId: string, title = 'A title', body = 'A body') {
  const created = await eventually(
    () => api<Post>('POST', '/api/posts', { token: author.token, body: { blogId, title, body } }),
    (response) => response.status !== 404,
  );
  expect(created.status).toBe(201);
  // The Location is a URL the client can follow through the gateway.
  expect(created.headers.get('location')).toBe(`/api/posts/${created.body.id}`);
  return created.body;
}

async function published(author: User, blogId: string, title: string): Promise<Post> {
  const post = await draft(author, blogId, title);
  expect((await api('POST', `/api/posts/${post.id}/publish`, { token: author.token })).status).toBe(
    202,
  );
  const done = await eventually(
    () => api<Post>('GET', `/api/posts/${post.id}`, { token: author.token }),
    (response) => response.body.status !== 'PUBLISHING',
  );
  expect(done.body.status).toBe('PUBLISHED');
  return done.body;
}

const read = (postId: string, reader?: User) =>
  api<Post>('GET', `/api/posts/${postId}`, reader ? { token: reader.token } : {});

describe('posts', () => {
  let author: User;
  let stranger: User;
  let blogId: string;

  beforeAll(async () => {
    [author, stranger] = await Promise.all([newUser(), newUser()]);
    blogId = await createBlog(author);
  });

  it('lists a blog’s posts: anonymous callers see PUBLISHED only, the author all, by status, page by page', async () => {
    const hidden = await draft(author, blogId, 'Still a draft');
    const first = await published(author, blogId, 'First out');
    const second = await published(author, blogId, 'Second out');

    const anonymous = await api<Page>('GET', `/api/posts?blogId=${blogId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.items.map((item) => item.id)).toEqual([second.id, first.id]);
    const anonymousDrafts = await api<Page>('GET', `/api/posts?blogId=${blogId}&status=DRAFT`);
    expect(anonymousDrafts.body.items).toEqual([]);
    const strangers = await api<Page>('GET', `/api/posts?blogId=${blogId}`, {
      token: stranger.token,
    });
    expect(strangers.body.items.map((item) => item.id)).not.toContain(hidden.id);

    const drafts = await api<Page>('GET', `/api/posts?blogId=${blogId}&status=DRAFT`, {
      token: author.token,
    });
    expect(drafts.body.items.map((item) => item.id)).toContain(hidden.id);
    expect(drafts.body.items.every((item) => item.status === 'DRAFT')).toBe(true);

    const pageOne = await api<Page>('GET', `/api/posts?blogId=${blogId}&limit=2`, {
      token: author.token,
    });
    expect(pageOne.body.items).toHaveLength(2);
    expect(pageOne.body.nextCursor).toEqual(expect.any(String));
    const pageTwo = await api<Page>(
      'GET',
      `/api/posts?blogId=${blogId}&limit=2&cursor=${pageOne.body.nextCursor ?? ''}`,
      { token: author.token },
    );
    const all = [...pageOne.body.items, ...pageTwo.body.items].map((item) => item.id);
    expect(new Set(all)).toEqual(new Set([hidden.id, first.id, second.id]));

    expect((await api<ErrorBody>('GET', `/api/posts?blogId=${blogId}&cursor=garbage`)).status).toBe(
      400,
    );
    expect((await api<ErrorBody>('GET', `/api/posts?blogId=not-a-uuid`)).status).toBe(400);
  });

  it('hides drafts from everyone but the author', async () => {
    const post = await draft(author, blogId, 'Private');
    expect((await read(post.id)).status).toBe(404);
    expect((await read(post.id, stranger)).status).toBe(404);
    const own = await read(post.id, author);
    expect(own.status).toBe(200);
    expect(own.headers.get('etag')).toBe(`"${own.body.version}"`);
  });

  it('another user touching a post gets 403 and nothing changes', async () => {
    const post = await published(author, blogId, 'Mine');
    const ifMatch = { 'if-match': `"${post.version}"` };
    const attempts = [
      api<ErrorBody>('PATCH', `/api/posts/${post.id}`, {
        token: stranger.token,
        headers: ifMatch,
        body: { body: 'defaced' },
      }),
      api<ErrorBody>('POST', `/api/posts/${post.id}/unpublish`, { token: stranger.token }),
      api<ErrorBody>('POST', `/api/posts/${post.id}/publish`, { token: stranger.token }),
      api<ErrorBody>('DELETE', `/api/posts/${post.id}`, { token: stranger.token }),
      api<ErrorBody>('POST', '/api/posts', {
        token: stranger.token,
        body: { blogId, title: 'Squatter', body: '' },
      }),
    ];
    const answers = await Promise.all(attempts);
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
    expect(answers.map((answer) => answer.body.code)).toEqual([
      'POST.NOT_AUTHOR',
      'POST.NOT_AUTHOR',
      'POST.NOT_AUTHOR',
      'POST.NOT_AUTHOR',
      'POST.NOT_BLOG_OWNER',
    ]);
    const after = await read(post.id);
    expect(after.body).toMatchObject({
      status: 'PUBLISHED',
      body: post.body,
      version: post.version,
    });
    const listed = await api<Page>('GET', `/api/posts?blogId=${blogId}&status=DRAFT`, {
      token: stranger.token,
    });
    expect(listed.body.items).toEqual([]);

    expect((await api('POST', '/api/posts', { body: { blogId, title: 'x' } })).status).toBe(401);
    expect((await api('DELETE', `/api/posts/${post.id}`)).status).toBe(401);
  });

  it('unpublishes (anonymous readers lose it) and deletes a post', async () => {
    const post = await published(author, blogId, 'Short-lived');
    const unpublished = await api<Post>('POST', `/api/posts/${post.id}/unpublish`, {
      token: author.token,
    });
    expect(unpublished.status).toBe(200);
    expect(unpublished.body.status).toBe('DRAFT');
    expect((await read(post.id)).status).toBe(404);
    const again = await api<ErrorBody>('POST', `/api/posts/${post.id}/unpublish`, {
      token: author.token,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('POST.NOT_PUBLISHED');

    expect((await api('DELETE', `/api/posts/${post.id}`, { token: author.token })).status).toBe(
      204,
    );
    expect((await read(post.id, author)).status).toBe(404);
    expect((await api('DELETE', `/api/posts/${post.id}`, { token: author.token })).status).toBe(
      404,
    );
  });

  it('takes a body of up to 100 000 characters: one more is 400', async () => {
    // Needs every hop's body limit above ~200 KB: post's is 1 MiB; the gateway's must match.
    const limit = await draft(author, blogId, 'Exactly the limit', 'é'.repeat(100_000));
    expect(limit.body).toHaveLength(100_000);
    const tooLong = await api<ErrorBody>('POST', '/api/posts', {
      token: author.token,
      body: { blogId, title: 'One too many', body: 'x'.repeat(100_001) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('POST.INVALID_INPUT');
  });

  it('refuses oversized input: 413 above the body limit, 400 for bad titles', async () => {
    const huge = await api<ErrorBody>('POST', '/api/posts', {
      token: author.token,
      body: { blogId, title: 'Huge', body: 'x'.repeat(3 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);

    const badTitles = await Promise.all(
      ['', '   ', 'x'.repeat(201), 'nul\u0000byte'].map((title) =>
        api<ErrorBody>('POST', '/api/posts', {
          token: author.token,
          body: { blogId, title, body: '' },
        }),
      ),
    );
    expect(badTitles.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
  });

  it('stores SQL-ish strings verbatim and never runs them', async () => {
    const title = `Robert'); DROP TABLE posts;-- ${randomUUID().slice(0, 6)}`;
    const body = `' OR '1'='1'; DELETE FROM events WHERE ''='\n$$; SELECT pg_sleep(10); --\\ "quoted" \u{1F600}`;
    const post = await draft(author, blogId, title, body);
    expect(post).toMatchObject({ title, body });
    const edited = await api<Post>('PATCH', `/api/posts/${post.id}`, {
      token: author.token,
      headers: { 'if-match': `"${post.version}"` },
      body: { title: `${title} %_\\` },
    });
    expect(edited.status).toBe(200);
    const back = await read(post.id, author);
    expect(back.body).toMatchObject({ title: `${title} %_\\`, body });
    expect(
      (await api<Page>('GET', `/api/posts?blogId=${blogId}`, { token: author.token })).status,
    ).toBe(200);
  });
});
