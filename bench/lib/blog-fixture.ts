import { randomUUID } from 'node:crypto';
import { eventually, newPerson } from '@blog/testing';
import { benchAccessToken } from './access-token';
import type { JsonApi } from './json-api';

/** An author with a blog and one published post, and a subscriber whose feed holds it. */
export interface PublishedPost {
  readonly authorId: string;
  readonly authorToken: string;
  readonly blogId: string;
  readonly postId: string;
  readonly subscriberToken: string;
}

async function expect201<T>(what: string, call: Promise<{ status: number; body: T }>) {
  const response = await call;
  if (response.status !== 201) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A blog of a fresh author (a minted token: no sign-up needed to own a blog). */
export async function authorWithBlog(api: JsonApi) {
  const authorId = randomUUID();
  const authorToken = await benchAccessToken(authorId);
  const blog = await expect201(
    'POST /api/blogs',
    api.call<{ id: string }>('POST', '/api/blogs', {
      token: authorToken,
      body: { title: `Bench ${randomUUID().slice(0, 8)}` },
    }),
  );
  return { authorId, authorToken, blogId: blog.id };
}

/** A draft; the post service learns of a new blog from Kafka, so the first tries may 404. */
export async function draftPost(api: JsonApi, token: string, blogId: string, title: string) {
  const created = await eventually(
    () =>
      api.call<{ id: string }>('POST', '/api/posts', {
        token,
        body: { blogId, title, body: 'A post for the benchmarks.' },
      }),
    (response) => response.status !== 404,
  );
  if (created.status !== 201) throw new Error(`POST /api/posts answered ${created.status}`);
  return created.body.id;
}

export async function publishedPost(api: JsonApi): Promise<PublishedPost> {
  const { authorId, authorToken, blogId } = await authorWithBlog(api);
  const subscriberToken = await benchAccessToken(randomUUID());
  await eventually(
    () => api.call('POST', '/api/subscriptions', { token: subscriberToken, body: { blogId } }),
    (response) => response.status === 201 || response.status === 409,
  );
  const postId = await draftPost(api, authorToken, blogId, 'Benchmark post');
  const publish = await api.call('POST', `/api/posts/${postId}/publish`, { token: authorToken });
  if (publish.status !== 202) throw new Error(`publish answered ${publish.status}`);
  await eventually(
    () => api.call<{ status: string }>('GET', `/api/posts/${postId}`),
    (response) => response.body.status === 'PUBLISHED',
  );
  // The read routes must answer 200, not 404, before anyone measures them.
  await eventually(
    () => api.call<{ items: { postId: string }[] }>('GET', '/api/feed', { token: subscriberToken }),
    (response) => response.body.items.some((item) => item.postId === postId),
  );
  await eventually(
    () => api.call('GET', `/api/stats/posts/${postId}`),
    (response) => response.status === 200,
  );
  return { authorId, authorToken, blogId, postId, subscriberToken };
}

/** Saga 1 to the end: an ACTIVE account with a profile, for `GET /users/:handle`. */
export async function activeHandle(api: JsonApi): Promise<string> {
  const person = newPerson(`bench_${randomUUID().replace(/-/g, '').slice(0, 20)}`);
  const registered = await api.call<{ accountId: string; sagaId: string }>(
    'POST',
    '/api/auth/register',
    { body: person },
  );
  if (registered.status !== 202) throw new Error(`register answered ${registered.status}`);
  const { accountId, sagaId } = registered.body;
  const settled = await eventually(
    () =>
      api.call<{ status: string }>('GET', `/api/auth/registrations/${accountId}?sagaId=${sagaId}`),
    (response) => response.body.status !== 'PENDING',
  );
  if (settled.body.status !== 'ACTIVE') throw new Error(`sign-up ended ${settled.body.status}`);
  return person.handle;
}
