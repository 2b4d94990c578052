import { randomBytes, randomUUID } from 'node:crypto';
import {
  AccountMessages,
  BlogMessages,
  type MessageContract,
  PostMessages,
  ProfileMessages,
} from '@blog/contracts';
import {
  bearer,
  client,
  eventually,
  mintAccessToken,
  newPerson,
  sagaTrace,
  signUp,
  traceIdsOfSaga,
  type TracedSpan,
  type TraceView,
} from '@blog/testing';
import type { ZodType } from 'zod';

// One trace per saga, from the HTTP request at the gateway through every Kafka hop: the
// outbox row keeps the writer's traceparent, Debezium copies it into a Kafka header and
// the consumer continues it. Read back from the local Jaeger (infra/local/jaeger), which
// the services export to by default (scripts/stack.sh). Data is fresh per run: the stack
// is shared.

type Contract = MessageContract<string, ZodType>;

/** A hop of a saga: `consumer` handled `message`, which `producer` wrote to its outbox. */
interface Hop {
  readonly producer: string;
  readonly consumer: string;
  readonly message: Contract;
}

const consumerSpansOf = (trace: TraceView, hop: Hop) =>
  trace
    .spansWith(hop.consumer, {
      'messaging.system': 'kafka',
      'messaging.destination.name': hop.message.topic,
      'messaging.operation.type': 'process',
      'blog.message.type': hop.message.type,
    })
    .filter((span) => span.kind === 'consumer');

/**
 * Every hop's consumer span is in, and so is every span's parent, but for parents outside
 * the stack (a traced client's span). Services export in their own batches, so a trace
 * fills in from any side: without the parent check a late gateway looks like a bad one.
 */
const hasEveryHop =
  (hops: readonly Hop[], outsideParents: readonly string[] = []) =>
  (trace: TraceView) =>
    hops.every((hop) => consumerSpansOf(trace, hop).length > 0) &&
    trace
      .orphans()
      .every((span) => span.parentId !== null && outsideParents.includes(span.parentId));

const describeSpan = (span: TracedSpan | null | undefined) =>
  span ? `${span.service}: ${span.name} (${span.kind ?? 'no kind'})` : 'none';

/** The pg spans of `INSERT INTO outbox` statements run under `span`. */
const outboxWritesUnder = (trace: TraceView, span: TracedSpan) =>
  trace.spans.filter(
    (candidate) =>
      candidate.attributes['db.system.name'] === 'postgresql' &&
      String(candidate.attributes['db.query.text']).startsWith('INSERT INTO outbox') &&
      trace.ancestorsOf(candidate).includes(span),
  );

/** Structure every saga trace must have, whatever the saga. */
async function expectOneTrace(
  sagaId: string,
  hops: readonly Hop[],
  request: { method: string; path: string },
) {
  const trace = await sagaTrace(sagaId, {
    service: hops[0]?.consumer ?? 'gateway',
    complete: hasEveryHop(hops),
  });
  if (!trace) throw new Error(`no trace in Jaeger has a span with blog.saga.id=${sagaId}`);

  // Nothing lost its parent on the way, and the whole saga hangs off one request.
  expect(trace.orphans().map(describeSpan)).toEqual([]);
  const roots = trace.roots();
  expect(roots.map(describeSpan)).toEqual([expect.stringMatching(/^gateway: .*\(server\)$/)]);
  // The gateway's routes are wildcards (`/api/auth/*`): the path names the request.
  expect(roots[0]?.attributes).toMatchObject({
    'http.request.method': request.method,
    'url.path': request.path,
  });

  for (const hop of hops) {
    // No consumer started a trace of its own for this saga.
    expect(await traceIdsOfSaga(sagaId, hop.consumer)).toEqual([trace.traceId]);
    // Delivery is at least once: a redelivered message shows a second span; one is enough.
    const [consumed] = consumerSpansOf(trace, hop);
    expect(consumed, `${hop.consumer} handled ${hop.message.type}`).toBeDefined();
    if (!consumed) continue;
    expect(consumed.attributes).toMatchObject({
      'blog.saga.id': sagaId,
      'messaging.message.id': expect.any(String),
    });
    // A child of the span that wrote the outbox row, in the producing service, with no span
    // of the consumer's own in between (a Kafka client instrumentation's, say).
    const parent = trace.parentOf(consumed);
    expect(describeSpan(parent)).toMatch(new RegExp(`^${hop.producer}: `));
    if (parent) expect(outboxWritesUnder(trace, parent).length).toBeGreaterThan(0);
  }
  return trace;
}

describe('traces through the stack (Jaeger)', () => {
  it('a sign-up is one trace: gateway → auth → Kafka → user → Kafka → auth', async () => {
    const registration = await signUp(newPerson());
    expect(registration.status).toBe('ACTIVE');

    const trace = await expectOneTrace(
      registration.sagaId,
      [
        { producer: 'auth', consumer: 'user', message: AccountMessages.AccountRegistered },
        { producer: 'user', consumer: 'auth', message: ProfileMessages.ProfileCreated },
      ],
      { method: 'POST', path: '/api/auth/register' },
    );
    expect([...trace.services()]).toEqual(expect.arrayContaining(['gateway', 'auth', 'user']));
  });

  it('a traced client’s trace goes on through the gateway, the services and Kafka', async () => {
    // The gateway forwards its client's headers and adds its own traceparent: the two must
    // not both reach the upstream, or it cannot parse either and starts a new trace.
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const signUpHop: Hop = {
      producer: 'auth',
      consumer: 'user',
      message: AccountMessages.AccountRegistered,
    };
    const registration = await signUp(newPerson(), {
      traceparent: `00-${traceId}-${clientSpanId}-01`,
    });
    expect(registration.status).toBe('ACTIVE');

    const trace = await sagaTrace(registration.sagaId, {
      service: 'user',
      complete: hasEveryHop([signUpHop], [clientSpanId]),
    });
    expect(trace?.traceId).toBe(traceId);
    // The client's own span is not in Jaeger: the gateway's server span is the only one
    // whose parent is missing, and that parent is the client's.
    const [entry, ...others] = trace?.orphans() ?? [];
    expect(others.map(describeSpan)).toEqual([]);
    expect(entry).toMatchObject({ service: 'gateway', kind: 'server', parentId: clientSpanId });
    const authRequest = trace
      ?.spansWith('auth', { 'url.path': '/auth/register' })
      .find((span) => span.kind === 'server');
    expect(authRequest && describeSpan(trace?.parentOf(authRequest))).toMatch(/^gateway: /);
    const [consumed] = trace ? consumerSpansOf(trace, signUpHop) : [];
    expect(consumed && describeSpan(trace?.parentOf(consumed))).toMatch(/^auth: /);
  });

  it('a publication is one trace: gateway → post → blog → post → subscribe', async () => {
    const authorId = randomUUID();
    const token = await mintAccessToken({ accountId: authorId });
    const blog = await client.POST('/api/blogs', {
      headers: bearer(token),
      body: { title: `Traced ${randomUUID().slice(0, 8)}` },
    });
    expect(blog.response.status).toBe(201);
    // post learns the blog from BlogCreated; until then a draft is 404 POST.BLOG_NOT_FOUND.
    const draft = await eventually(
      () =>
        client.POST('/api/posts', {
          headers: bearer(token),
          body: { blogId: blog.data?.id ?? '', title: 'Traced', body: 'One trace per saga.' },
        }),
      (answer) => answer.response.status !== 404,
    );
    expect(draft.response.status).toBe(201);
    const postId = draft.data?.id ?? '';
    const started = await client.POST('/api/posts/{postId}/publish', {
      params: { path: { postId } },
      headers: bearer(token),
    });
    expect(started.response.status).toBe(202);
    const published = await eventually(
      () =>
        client.GET('/api/posts/{postId}', { params: { path: { postId } }, headers: bearer(token) }),
      (answer) => answer.data?.status !== 'PUBLISHING',
    );
    expect(published.data?.status).toBe('PUBLISHED');

    const trace = await expectOneTrace(
      started.data?.sagaId ?? '',
      [
        { producer: 'post', consumer: 'blog', message: PostMessages.PublishRequested },
        { producer: 'blog', consumer: 'post', message: BlogMessages.PublicationApproved },
        { producer: 'post', consumer: 'subscribe', message: PostMessages.PostPublished },
      ],
      { method: 'POST', path: `/api/posts/${postId}/publish` },
    );
    expect([...trace.services()]).toEqual(
      expect.arrayContaining(['gateway', 'post', 'blog', 'subscribe']),
    );
  });
});
