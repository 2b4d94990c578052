import { randomUUID } from 'node:crypto';
import { api, client, mintAccessToken } from '@blog/testing';

// blog's own routes through the running stack. Every account and blog is fresh.

interface User {
  readonly id: string;
  readonly token: string;
}
interface Blog {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly status: string;
  readonly version: number;
}
interface Page {
  readonly items: Blog[];
  readonly nextCursor: string | null;
}
interface ErrorBody {
  readonly code: string;
}

async function newUser(): Promise<User> {
  const id = randomUUID();
  return { id, token: await mintAccessToken({ accountId: id }) };
}

const create = (owner: User, body: object) =>
  api<Blog & ErrorBody>('POST', '/api/blogs', { token: owner.token, body });

describe('blogs', () => {
  it('creates a blog owned by the caller, with a slug unique among that owner’s blogs', async () => {
    const [owner, other] = await Promise.all([newUser(), newUser()]);
    const first = await create(owner, { title: 'Crème Brûlée Weekly!', description: 'Desserts.' });
    expect(first.status).toBe(201);
    // The Location is a URL the client can follow through the gateway.
    expect(first.headers.get('location')).toBe(`/api/blogs/${first.body.id}`);
    const followed = await api<Blog>('GET', first.headers.get('location') ?? '', {
      token: owner.token,
    });
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({ id: first.body.id });
    expect(first.body).toMatchObject({
      ownerId: owner.id,
      title: 'Crème Brûlée Weekly!',
      slug: 'creme-brulee-weekly',
      description: 'Desserts.',
      status: 'ACTIVE',
    });
    const twin = await create(owner, { title: 'creme brulee weekly' });
    expect(twin.body.slug).toBe('creme-brulee-weekly-2');
    const elsewhere = await create(other, { title: 'Crème Brûlée Weekly!' });
    expect(elsewhere.body.slug).toBe('creme-brulee-weekly');
  });

  it('reads a blog anonymously and lists an owner’s blogs page by page', async () => {
    const owner = await newUser();
    const ids: string[] = [];
    for (const title of ['One', 'Two', 'Three']) ids.push((await create(owner, { title })).body.id);

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
    const first = (await create(ann, { title: 'Older' })).body.id;
    const second = (await create(bob, { title: 'Newer' })).body.id;
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
    const blog = (await create(owner, { title: 'Before' })).body;
    const updated = await api<Blog>('PATCH', `/api/blogs/${blog.id}`, {
      token: owner.token,
      body: { title: 'After', description: 'Now with words' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      title: 'After',
      description: 'Now with words',
      slug: 'before',
      version: blog.version + 1,
    });
  });

  it('another user cannot update or delete a blog: 403 and nothing changed', async () => {
    const [owner, stranger] = await Promise.all([newUser(), newUser()]);
    const blog = (await create(owner, { title: 'Not yours' })).body;
    const update = await api<ErrorBody>('PATCH', `/api/blogs/${blog.id}`, {
      token: stranger.token,
      body: { title: 'Mine now' },
    });
    const remove = await api<ErrorBody>('DELETE', `/api/blogs/${blog.id}`, {
      token: stranger.token,
    });
    expect([update.status, remove.status]).toEqual([403, 403]);
    expect([update.body.code, remove.body.code]).toEqual(['BLOG.NOT_OWNER', 'BLOG.NOT_OWNER']);
    expect((await api('PATCH', `/api/blogs/${blog.id}`, { body: { title: 'anon' } })).status).toBe(
      401,
    );
    expect((await api('POST', '/api/blogs', { body: { title: 'anon' } })).status).toBe(401);
    const after = await api<Blog>('GET', `/api/blogs/${blog.id}`);
    expect(after.body).toMatchObject({
      title: 'Not yours',
      status: 'ACTIVE',
      version: blog.version,
    });
  });

  it('validates input: 400 for bad titles and descriptions, 413 above the body limit', async () => {
    const owner = await newUser();
    const bad = await Promise.all(
      [
        {},
        { title: '' },
        { title: '   ' },
        { title: 'x'.repeat(201) },
        { title: 'ok', description: 'x'.repeat(2_001) },
        { title: 'nul\u0000' },
      ].map((body) => create(owner, body)),
    );
    expect(bad.map((answer) => [answer.status, answer.body.code])).toEqual(
      Array.from({ length: 6 }, () => [400, 'BLOG.INVALID_INPUT']),
    );
    expect(
      (await create(owner, { title: 'x'.repeat(200), description: 'y'.repeat(2_000) })).status,
    ).toBe(201);
    const huge = await create(owner, { title: 'Huge', description: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await api('GET', '/api/blogs/not-a-uuid')).status).toBe(400);
  });

  it('stores SQL-ish strings verbatim and never runs them', async () => {
    const owner = await newUser();
    const title = "Robert'); DROP TABLE blogs;--";
    const description = `' OR 1=1; UPDATE blogs SET owner_id = NULL; -- %_\\ $$`;
    const blog = await create(owner, { title, description });
    expect(blog.status).toBe(201);
    expect(blog.body).toMatchObject({ title, description, slug: 'robert-drop-table-blogs' });
    const listed = await api<Page>('GET', `/api/blogs?owner=${owner.id}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ title, description })]);
  });
});
