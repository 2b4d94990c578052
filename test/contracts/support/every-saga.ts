import { randomUUID } from 'node:crypto';
import { BlogMessages } from '@blog/contracts';
import {
  bearer,
  client,
  eventually,
  logIn,
  newPerson,
  produceRecords,
  signUp,
} from '@blog/testing';

/**
 * Requests of one spec's run, told apart by their request id: every message a request
 * causes carries it as correlation id.
 */
export class TracedRun {
  readonly prefix = `contract-${randomUUID().slice(0, 8)}-`;
  private requests = 0;

  /** Headers of the next request: its own request id. */
  headers(): Record<string, string> {
    this.requests += 1;
    return { 'x-request-id': `${this.prefix}${this.requests}` };
  }

  caused(correlationId: string | null | undefined): boolean {
    return correlationId?.startsWith(this.prefix) ?? false;
  }
}

/**
 * The four sagas through the gateway, each to an end: sign-up both ways; a publication
 * approved then unpublished, and one rejected; then the author's account closed with a blog,
 * a live post and a subscription (so delete-blog runs inside close-account). Returns when the
 * closure is requested; the caller waits for AccountClosed on its own recorder.
 */
export async function driveEverySaga(run: TracedRun): Promise<void> {
  const author = newPerson();
  expect((await signUp(author, run.headers())).status).toBe('ACTIVE');
  const { accessToken: token, accountId } = await logIn(author, run.headers());
  expect((await signUp(newPerson(author.handle.toUpperCase()), run.headers())).status).toBe(
    'REJECTED',
  );

  const blog = await client.POST('/api/blogs', {
    body: { title: `Contract ${run.prefix}` },
    headers: { ...bearer(token), ...run.headers() },
  });
  expect(blog.response.status).toBe(201);
  const blogId = blog.data?.id ?? '';
  const post = await draftAndPublish(run, token, blogId);
  const unpublished = await client.POST('/api/posts/{postId}/unpublish', {
    params: { path: { postId: post } },
    headers: { ...bearer(token), ...run.headers() },
  });
  expect(unpublished.response.status).toBe(200);
  await rejectedPublication(run, token, accountId);

  const reader = newPerson();
  await signUp(reader, run.headers());
  const readerToken = (await logIn(reader, run.headers())).accessToken;
  const other = await client.POST('/api/blogs', {
    body: { title: `Other ${run.prefix}` },
    headers: { ...bearer(readerToken), ...run.headers() },
  });
  await draftAndPublish(run, token, blogId);
  await eventually(
    () =>
      client.POST('/api/subscriptions', {
        body: { blogId: other.data?.id ?? '' },
        headers: { ...bearer(token), ...run.headers() },
      }),
    (answer) => answer.response.status === 201,
  );
  const closing = await client.POST('/api/auth/accounts/me/close', {
    headers: { ...bearer(token), ...run.headers() },
  });
  expect(closing.response.status).toBe(202);
}

async function draftAndPublish(run: TracedRun, token: string, blogId: string): Promise<string> {
  const post = await eventually(
    () =>
      client.POST('/api/posts', {
        body: { blogId, title: `Post ${randomUUID().slice(0, 8)}`, body: 'text' },
        headers: { ...bearer(token), ...run.headers() },
      }),
    (answer) => answer.response.status !== 404,
  );
  expect(post.response.status).toBe(201);
  const postId = post.data?.id ?? '';
  const started = await client.POST('/api/posts/{postId}/publish', {
    params: { path: { postId } },
    headers: { ...bearer(token), ...run.headers() },
  });
  expect(started.response.status).toBe(202);
  await eventually(
    () =>
      client.GET('/api/posts/{postId}', { params: { path: { postId } }, headers: bearer(token) }),
    (answer) => answer.data?.status === 'PUBLISHED',
  );
  return postId;
}

/**
 * blog rejects a publication for a blog it does not know: post learns of one from a
 * BlogCreated produced here (not a producer's output, so not one of the run's records),
 * then blog's rejection and post's reversion are real.
 */
async function rejectedPublication(run: TracedRun, token: string, ownerId: string): Promise<void> {
  const blogId = randomUUID();
  await produceRecords(BlogMessages.BlogCreated.topic, [
    {
      key: blogId,
      value: JSON.stringify({ blogId, ownerId, title: 'Ghost', slug: 'ghost' }),
      headers: {
        id: randomUUID(),
        eventType: BlogMessages.BlogCreated.type,
        correlationId: `planted-${randomUUID()}`,
        occurredAt: new Date().toISOString(),
        schemaVersion: '1',
      },
    },
  ]);
  const post = await eventually(
    () =>
      client.POST('/api/posts', {
        body: { blogId, title: 'Ghost post', body: 'text' },
        headers: { ...bearer(token), ...run.headers() },
      }),
    (answer) => answer.response.status !== 404,
  );
  expect(post.response.status).toBe(201);
  const path = { postId: post.data?.id ?? '' };
  await client.POST('/api/posts/{postId}/publish', {
    params: { path },
    headers: { ...bearer(token), ...run.headers() },
  });
  await eventually(
    () => client.GET('/api/posts/{postId}', { params: { path }, headers: bearer(token) }),
    (answer) => answer.data?.publication?.status === 'REJECTED',
  );
}
