import { randomUUID } from 'node:crypto';
import { api, bearer, client, mintAccessToken } from '@blog/testing';

// blog's own routes through the running stack. Every account and blog is fresh.

interface User {
  readonly id: string;
  readonly token: string;
}
interface ErrorBody {
  readonly code: string;
}

async function newUser(): Promise<User> {
  const id = randomUUID();
  return { id, token: await mintAccessToken({ accountId: id }) };
}

const create = (owner: User, body: { title: string; description?: string }) =>
  client.POST('/api/blogs', { headers: bearer(owner.token), body });

/** A blog the owner made; its creation must succeed. */
async function blogOf(owner: User, body: { title: string; description?: string }) {
  const { data, error, response } = await create(owner, body);
  if (!data) throw new Error(`create answered ${response.status}: ${JSON.stringify(error)}`);
  return data;
}

describe('blogs', () => {
  it('creates a blog owned by the caller, with a slug unique among that owner’s blogs', async () => {
    const [owner, other] = await Promise.all([newUser(), newUser()]);
    const first = await create(owner, { title: 'Crème Brûlée Weekly!', description: 'Desserts.' });
    expect(first.response.status).toBe(201);
    const id = first.data?.id ?? '';
    // The Location is a URL the client can follow through the gateway: the blog's own route.
    expect(first.response.headers.get('location')).toBe(`/api/blogs/${id}`);
    const followed = await client.GET('/api/blogs/{blogId}', {
      params: { path: { blogId: id } },
      headers: bearer(owner.token),
    });
    expect(followed.response.status).toBe(200);
    expect(followed.data).toMatchObject({ id });
    expect(first.data).toMatchObject({
      ownerId: owner.id,
      title: 'Crème Brûlée Weekly!',
      slug: 'creme-brulee-weekly',
      description: 'Desserts.',
      status: 'ACTIVE',
    });
    const twin = await create(owner, { title: 'creme brulee weekly' });
    expect(twin.data?.slug).toBe('creme-brulee-weekly-2');
    const elsewhere = await create(other, { title: 'Crème Brûlée Weekly!' });
    expect(elsewhere.data?.slug).toBe('creme-brulee-weekly');
  });

  it('reads a blog anonymously and lists an owner’s blogs page by page', async () => {
    const owner = await newUser();
    const ids: string[] = [];
    for (const title of ['One', 'Two', 'Three']) ids.push((await blogOf(owner, { title })).id);

    const one = await client.GET('/api/blogs/{blogId}', {
      params: { path: { blogId: ids[0] ?? '' } },
    });
    expect(one.response.status).toBe(200);
    expect(one.data?.title).toBe('One');
    const missing = await client.GET('/api/blogs/{blogId}', {
      params: { path: { blogId: randomUUID() } },
    });
    expect([missing.response.status, missing.error?.code]).toEqual([404, 'BLOG.NOT_FOUND']);

    const pageOne = await client.GET('/api/blogs', {
      params: { query: { owner: owner.id, limit: 2 } },
    });
    expect(pageOne.data?.items.map((blog) => blog.title)).toEqual(['Three', 'Two']);
    const pageTwo = await client.GET('/api/blogs', {
      params: { query: { owner: owner.id, limit: 2, cursor: pageOne.data?.nextCursor ?? '' } },
    });
    expect(pageTwo.data).toEqual({
      items: [expect.objectContaining({ title: 'One' })],
      nextCursor: null,
    });
  });

  it('lists everyone’s recent blogs without an owner, newest first, with a cursor', async () => {
    const [ann, bob] = await Promise.all([newUser(), newUser()]);
    const first = (await blogOf(ann, { title: 'Older' })).id;
    const second = (await blogOf(bob, { title: 'Newer' })).id;
    const recent = await client.GET('/api/blogs', { params: { query: { limit: 100 } } });
    expect(recent.response.status).toBe(200);
    const ids = recent.data?.items.map((blog) => blog.id) ?? [];
    expect(ids.indexOf(second)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    const page = await client.GET('/api/blogs', { params: { query: { limit: 1 } } });
    expect(page.data?.items).toHaveLength(1);
    expect(page.data?.nextCursor).toEqual(expect.any(String));
  });

  it('updates title and description for the owner; the slug stays', async () => {
    const owner = await newUser();
    const blog = await blogOf(owner, { title: 'Before' });
    const updated = await client.PATCH('/api/blogs/{blogId}', {
      params: { path: { blogId: blog.id } },
      headers: bearer(owner.token),
      body: { title: 'After', description: 'Now with words' },
    });
    expect(updated.response.status).toBe(200);
    expect(updated.data).toMatchObject({
      title: 'After',
      description: 'Now with words',
      slug: 'before',
      version: blog.version + 1,
    });
  });

  it('another user cannot update or delete a blog: 403 and nothing changed', async () => {
    const [owner, stranger] = await Promise.all([newUser(), newUser()]);
    const blog = await blogOf(owner, { title: 'Not yours' });
    const params = { path: { blogId: blog.id } };
    const update = await client.PATCH('/api/blogs/{blogId}', {
      params,
      headers: bearer(stranger.token),
      body: { title: 'Mine now' },
    });
    const remove = await client.DELETE('/api/blogs/{blogId}', {
      params,
      headers: bearer(stranger.token),
    });
    expect([update.response.status, remove.response.status]).toEqual([403, 403]);
    expect([update.error?.code, remove.error?.code]).toEqual(['BLOG.NOT_OWNER', 'BLOG.NOT_OWNER']);
    const anonymous = await client.PATCH('/api/blogs/{blogId}', {
      params,
      body: { title: 'anon' },
    });
    expect(anonymous.response.status).toBe(401);
    expect((await client.POST('/api/blogs', { body: { title: 'anon' } })).response.status).toBe(
      401,
    );
    const after = await client.GET('/api/blogs/{blogId}', { params });
    expect(after.data).toMatchObject({
      title: 'Not yours',
      status: 'ACTIVE',
      version: blog.version,
    });
  });

  it('validates input: 400 for bad titles and descriptions, 413 above the body limit', async () => {
    const owner = await newUser();
    // Bodies the document refuses (a missing title among them), so through the untyped api().
    const bad = await Promise.all(
      [
        {},
        { title: '' },
        { title: '   ' },
        { title: 'x'.repeat(201) },
        { title: 'ok', description: 'x'.repeat(2_001) },
        { title: 'nul\u0000' },
      ].map((body) => api<ErrorBody>('POST', '/api/blogs', { token: owner.token, body })),
    );
    expect(bad.map((answer) => [answer.status, answer.body.code])).toEqual(
      Array.from({ length: 6 }, () => [400, 'BLOG.INVALID_INPUT']),
    );
    expect(
      (await create(owner, { title: 'x'.repeat(200), description: 'y'.repeat(2_000) })).response
        .status,
    ).toBe(201);
    const huge = await create(owner, { title: 'Huge', description: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.response.status).toBe(413);
    const notUuid = await client.GET('/api/blogs/{blogId}', {
      params: { path: { blogId: 'not-a-uuid' } },
    });
    expect(notUuid.response.status).toBe(400);
  });

  it('stores SQL-ish strings verbatim and never runs them', async () => {
    const owner = await newUser();
    const title = "Robert'); DROP TABLE blogs;--";
    const description = `' OR 1=1; UPDATE blogs SET owner_id = NULL; -- %_\\ $$`;
    const blog = await create(owner, { title, description });
    expect(blog.response.status).toBe(201);
    expect(blog.data).toMatchObject({ title, description, slug: 'robert-drop-table-blogs' });
    const listed = await client.GET('/api/blogs', { params: { query: { owner: owner.id } } });
    expect(listed.data?.items).toEqual([expect.objectContaining({ title, description })]);
  });
});
