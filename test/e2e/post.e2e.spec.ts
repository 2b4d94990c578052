import { randomUUID } from 'node:crypto';
import { bearer, client, eventually, mintAccessToken } from '@blog/testing';

// post's own routes through the running stack: reads and lists, who may do what, and what
// the edge refuses. Every account, blog and post is fresh: the stack is shared.

interface User {
  readonly id: string;
  readonly token: string;
}

async function newUser(): Promise<User> {
  const id = randomUUID();
  return { id, token: await mintAccessToken({ accountId: id }) };
}

async function createBlog(owner: User): Promise<string> {
  const created = await client.POST('/api/blogs', {
    headers: bearer(owner.token),
    body: { title: `Posts ${randomUUID().slice(0, 8)}` },
  });
  expect(created.response.status).toBe(201);
  return created.data?.id ?? '';
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
  // The Location is a URL the client can follow through the gateway.
  expect(created.response.headers.get('location')).toBe(`/api/posts/${created.data.id}`);
  return created.data;
}

const read = (postId: string, reader?: User) =>
  client.GET('/api/posts/{postId}', {
    params: { path: { postId } },
    ...(reader ? { headers: bearer(reader.token) } : {}),
  });

async function published(author: User, blogId: string, title: string) {
  const post = await draft(author, blogId, title);
  const started = await client.POST('/api/posts/{postId}/publish', {
    params: { path: { postId: post.id } },
    headers: bearer(author.token),
  });
  expect(started.response.status).toBe(202);
  const done = await eventually(
    () => read(post.id, author),
    (answer) => answer.data?.status !== 'PUBLISHING',
  );
  expect(done.data?.status).toBe('PUBLISHED');
  if (!done.data) throw new Error(`no post: ${JSON.stringify(done.error)}`);
  return done.data;
}

const list = (
  query: { blogId: string; status?: 'DRAFT'; limit?: number; cursor?: string },
  caller?: User,
) =>
  client.GET('/api/posts', {
    params: { query },
    ...(caller ? { headers: bearer(caller.token) } : {}),
  });

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

    const anonymous = await list({ blogId });
    expect(anonymous.response.status).toBe(200);
    expect(anonymous.data?.items.map((item) => item.id)).toEqual([second.id, first.id]);
    const anonymousDrafts = await list({ blogId, status: 'DRAFT' });
    expect(anonymousDrafts.data?.items).toEqual([]);
    const strangers = await list({ blogId }, stranger);
    expect(strangers.data?.items.map((item) => item.id)).not.toContain(hidden.id);

    const drafts = await list({ blogId, status: 'DRAFT' }, author);
    expect(drafts.data?.items.map((item) => item.id)).toContain(hidden.id);
    expect(drafts.data?.items.every((item) => item.status === 'DRAFT')).toBe(true);

    const pageOne = await list({ blogId, limit: 2 }, author);
    expect(pageOne.data?.items).toHaveLength(2);
    expect(pageOne.data?.nextCursor).toEqual(expect.any(String));
    const pageTwo = await list(
      { blogId, limit: 2, cursor: pageOne.data?.nextCursor ?? '' },
      author,
    );
    const all = [...(pageOne.data?.items ?? []), ...(pageTwo.data?.items ?? [])].map(
      (item) => item.id,
    );
    expect(new Set(all)).toEqual(new Set([hidden.id, first.id, second.id]));

    expect((await list({ blogId, cursor: 'garbage' })).response.status).toBe(400);
    expect((await list({ blogId: 'not-a-uuid' })).response.status).toBe(400);
  });

  it('hides drafts from everyone but the author', async () => {
    const post = await draft(author, blogId, 'Private');
    expect((await read(post.id)).response.status).toBe(404);
    expect((await read(post.id, stranger)).response.status).toBe(404);
    const own = await read(post.id, author);
    expect(own.response.status).toBe(200);
    expect(own.response.headers.get('etag')).toBe(`"${own.data?.version}"`);
  });

  it('another user touching a post gets 403 and nothing changes', async () => {
    const post = await published(author, blogId, 'Mine');
    const path = { postId: post.id };
    const headers = bearer(stranger.token);
    const attempts = [
      client.PATCH('/api/posts/{postId}', {
        params: { path, header: { 'if-match': `"${post.version}"` } },
        headers,
        body: { body: 'defaced' },
      }),
      client.POST('/api/posts/{postId}/unpublish', { params: { path }, headers }),
      client.POST('/api/posts/{postId}/publish', { params: { path }, headers }),
      client.DELETE('/api/posts/{postId}', { params: { path }, headers }),
      client.POST('/api/posts', { headers, body: { blogId, title: 'Squatter', body: '' } }),
    ];
    const answers = await Promise.all(attempts);
    expect(answers.map((answer) => answer.response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(answers.map((answer) => answer.error?.code)).toEqual([
      'POST.NOT_AUTHOR',
      'POST.NOT_AUTHOR',
      'POST.NOT_AUTHOR',
      'POST.NOT_AUTHOR',
      'POST.NOT_BLOG_OWNER',
    ]);
    const after = await read(post.id);
    expect(after.data).toMatchObject({
      status: 'PUBLISHED',
      body: post.body,
      version: post.version,
    });
    const listed = await list({ blogId, status: 'DRAFT' }, stranger);
    expect(listed.data?.items).toEqual([]);

    const anonymous = await client.POST('/api/posts', { body: { blogId, title: 'x' } });
    expect(anonymous.response.status).toBe(401);
    const anonymousDelete = await client.DELETE('/api/posts/{postId}', { params: { path } });
    expect(anonymousDelete.response.status).toBe(401);
  });

  it('unpublishes (anonymous readers lose it) and deletes a post', async () => {
    const post = await published(author, blogId, 'Short-lived');
    const asAuthor = { params: { path: { postId: post.id } }, headers: bearer(author.token) };
    const unpublished = await client.POST('/api/posts/{postId}/unpublish', asAuthor);
    expect(unpublished.response.status).toBe(200);
    expect(unpublished.data?.status).toBe('DRAFT');
    expect((await read(post.id)).response.status).toBe(404);
    const again = await client.POST('/api/posts/{postId}/unpublish', asAuthor);
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe('POST.NOT_PUBLISHED');

    expect((await client.DELETE('/api/posts/{postId}', asAuthor)).response.status).toBe(204);
    expect((await read(post.id, author)).response.status).toBe(404);
    expect((await client.DELETE('/api/posts/{postId}', asAuthor)).response.status).toBe(404);
  });

  it('takes a body of up to 100 000 characters: one more is 400', async () => {
    // Needs every hop's body limit above ~200 KB: post's is 1 MiB; the gateway's must match.
    const limit = await draft(author, blogId, 'Exactly the limit', 'é'.repeat(100_000));
    expect(limit.body).toHaveLength(100_000);
    const tooLong = await client.POST('/api/posts', {
      headers: bearer(author.token),
      body: { blogId, title: 'One too many', body: 'x'.repeat(100_001) },
    });
    expect(tooLong.response.status).toBe(400);
    expect(tooLong.error?.code).toBe('POST.INVALID_INPUT');
  });

  it('refuses oversized input: 413 above the body limit, 400 for bad titles', async () => {
    const huge = await client.POST('/api/posts', {
      headers: bearer(author.token),
      body: { blogId, title: 'Huge', body: 'x'.repeat(3 * 1024 * 1024) },
    });
    expect(huge.response.status).toBe(413);

    const badTitles = await Promise.all(
      ['', '   ', 'x'.repeat(201), 'nul\u0000byte'].map((title) =>
        client.POST('/api/posts', {
          headers: bearer(author.token),
          body: { blogId, title, body: '' },
        }),
      ),
    );
    expect(badTitles.map((answer) => answer.response.status)).toEqual([400, 400, 400, 400]);
  });

  it('stores SQL-ish strings verbatim and never runs them', async () => {
    const title = `Robert'); DROP TABLE posts;-- ${randomUUID().slice(0, 6)}`;
    const body = `' OR '1'='1'; DELETE FROM events WHERE ''='\n$$; SELECT pg_sleep(10); --\\ "quoted" \u{1F600}`;
    const post = await draft(author, blogId, title, body);
    expect(post).toMatchObject({ title, body });
    const edited = await client.PATCH('/api/posts/{postId}', {
      params: { path: { postId: post.id }, header: { 'if-match': `"${post.version}"` } },
      headers: bearer(author.token),
      body: { title: `${title} %_\\` },
    });
    expect(edited.response.status).toBe(200);
    const back = await read(post.id, author);
    expect(back.data).toMatchObject({ title: `${title} %_\\`, body });
    expect((await list({ blogId }, author)).response.status).toBe(200);
  });
});
