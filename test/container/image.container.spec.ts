import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SERVICE_NAMES } from '@blog/chassis';
import {
  api,
  buildAppImage,
  buildBaseImage,
  eventually,
  logIn,
  mintAccessToken,
  newPerson,
  podman,
  signUp,
} from '@blog/testing';
import { awaitConsumersCaughtUp } from '../reliability/support/consumer-groups';
import { awaitOutboxRecords, outboxRecordCount } from './support/outbox-records';
import {
  containerName,
  copySigningKey,
  portsInUse,
  removeContainers,
  removeLeftovers,
  SERVICES,
  signingKeyInContainer,
  startContainer,
  stopContainer,
  waitAllReady,
} from './support/service-containers';
import { startStackServices, stopStackServices } from './support/stack-services';

// The project's image, proven to build and run here: the Dockerfile built on the local
// base (scripts/container-base.sh), then all seven services started from it in place of
// the stack's own processes, against the stack's Postgres, Kafka, Connect and Jaeger,
// with auth's key mounted as docker-compose.yml mounts it. The stack is shared: its
// services are away only between the build and the end of this file, and afterAll puts
// them back whatever happened.

const IMAGE = 'localhost/blog-backend:test';
/** docker's and podman's default stop timeout: what an orchestrator gives a service. */
const GRACE_SECONDS = 10;

interface Post {
  readonly id: string;
  readonly status: string;
  readonly publishedAt: string | null;
  readonly publication: { sagaId: string; status: string } | null;
}
interface Publication {
  readonly postId: string;
  readonly sagaId: string;
  readonly status: string;
}
interface Feed {
  readonly items: readonly { postId: string; blogId: string }[];
}
interface ReplayReport {
  readonly republished: number;
  readonly services: readonly { service: string; ok: boolean }[];
}

const seconds: [phase: string, value: number][] = [];
async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    seconds.push([phase, (performance.now() - started) / 1000]);
  }
}

const readPost = (postId: string, token: string) =>
  api<Post>('GET', `/api/posts/${postId}`, { token });
const feedEntriesOf = async (token: string, postId: string) =>
  (await api<Feed>('GET', '/api/feed', { token })).body.items.filter(
    (item) => item.postId === postId,
  );

describe('the image runs the seven services against the local stack', () => {
  let signingKeyFile: string | undefined;
  let stackAwayAt: number | undefined;

  beforeAll(async () => {
    // The base script first: on a fresh machine it is what installs podman.
    const base = await timed('base', () => buildBaseImage(600_000));
    await removeLeftovers();
    await timed('build', () => buildAppImage(base, IMAGE, 600_000));
    signingKeyFile = await copySigningKey();
    const keyFile = signingKeyFile;

    stackAwayAt = performance.now();
    await timed('stack stop', stopStackServices);
    const taken = await portsInUse();
    if (taken.length) {
      throw new Error(`still listening after the stack's stop: ${taken.join(', ')}`);
    }
    await timed('start-to-ready', async () => {
      for (const service of SERVICES) await startContainer(IMAGE, service, keyFile);
      await waitAllReady(120_000);
    });
  }, 1_500_000);

  afterAll(async () => {
    const failed = (error: unknown) => [error];
    const problems = [
      ...(await removeContainers().then(() => [], failed)),
      ...(await timed('stack start', startStackServices).then(() => [], failed)),
    ];
    if (stackAwayAt !== undefined) {
      seconds.push(['stack services away', (performance.now() - stackAwayAt) / 1000]);
    }
    if (signingKeyFile) await rm(dirname(signingKeyFile), { recursive: true, force: true });
    process.stdout.write(
      `container tier: ${seconds.map(([phase, value]) => `${phase} ${value.toFixed(1)} s`).join(', ')}\n`,
    );
    if (problems.length) throw new AggregateError(problems, 'could not put the stack back');
  }, 300_000);

  it('runs as uid 1000, as the image declares, and auth reads a key only uid 1000 may read', async () => {
    expect(await podman(['image', 'inspect', '--format', '{{.Config.User}}', IMAGE])).toBe(
      '1000:1000',
    );
    const uids = await Promise.all(
      SERVICES.map(async (service) => [
        service,
        await podman(['exec', containerName(service), 'id', '-u']),
      ]),
    );
    expect(Object.fromEntries(uids)).toEqual(
      Object.fromEntries(SERVICES.map((service) => [service, '1000'])),
    );
    expect(await signingKeyInContainer()).toBe('1000:1000 600');
  });

  it('serves sign-up, a blog, a subscription, a publication, the feed and an admin replay through the gateway', async () => {
    await timed('happy path', async () => {
      // Saga 1; the session's token is signed by the containerised auth.
      const author = newPerson();
      expect(await signUp(author)).toMatchObject({ status: 'ACTIVE' });
      const { accessToken: token } = await logIn(author);

      const blog = await api<{ id: string }>('POST', '/api/blogs', {
        token,
        body: { title: `From the image ${randomUUID().slice(0, 8)}` },
      });
      expect(blog.status).toBe(201);
      const blogId = blog.body.id;

      // A token minted with the stack's key: auth serves that key from its mounted copy.
      const reader = await mintAccessToken({ accountId: randomUUID() });
      // subscribe and post learn the blog from BlogCreated: 404 until they have.
      const subscribed = await eventually(
        () => api('POST', '/api/subscriptions', { token: reader, body: { blogId } }),
        (response) => response.status !== 404,
      );
      expect(subscribed).toMatchObject({ status: 201, body: { blogId, status: 'active' } });
      const drafted = await eventually(
        () =>
          api<Post>('POST', '/api/posts', {
            token,
            body: { blogId, title: 'Served by containers', body: 'Built here, run here.' },
          }),
        (response) => response.status !== 404,
      );
      expect(drafted.status).toBe(201);
      const postId = drafted.body.id;

      // Saga 2.
      const started = await api<Publication>('POST', `/api/posts/${postId}/publish`, { token });
      expect(started.status).toBe(202);
      expect(started.body).toEqual({ postId, sagaId: expect.any(String), status: 'PUBLISHING' });
      const { sagaId } = started.body;
      const published = await eventually(
        () => readPost(postId, token),
        (response) => response.status === 200 && response.body.status !== 'PUBLISHING',
      );
      expect(published.body).toMatchObject({
        status: 'PUBLISHED',
        publishedAt: expect.any(String),
        publication: { sagaId, status: 'PUBLISHED' },
      });
      const inFeed = await eventually(
        () => feedEntriesOf(reader, postId),
        (entries) => entries.length > 0,
      );
      expect(inFeed).toEqual([expect.objectContaining({ postId, blogId })]);

      // The gateway's saga monitor saw it end; an admin replays it, which must change nothing.
      const admin = await mintAccessToken({ accountId: randomUUID(), roles: ['user', 'admin'] });
      await eventually(
        () => api<{ saga: { status: string } }>('GET', `/admin/sagas/${sagaId}`, { token: admin }),
        (response) => response.status === 200 && response.body.saga.status === 'succeeded',
      );
      const recordsBefore = await outboxRecordCount();
      const replay = await api<ReplayReport>('POST', `/admin/sagas/${sagaId}/replay`, {
        token: admin,
      });
      expect(replay.status).toBe(200);
      expect(replay.body.republished).toBeGreaterThan(0);
      expect(
        Object.fromEntries(replay.body.services.map(({ service, ok }) => [service, ok])),
      ).toEqual(Object.fromEntries(SERVICE_NAMES.map((service) => [service, true])));
      // The replayed messages reached Kafka and every consumer has handled them.
      await awaitOutboxRecords(recordsBefore, replay.body.republished);
      await awaitConsumersCaughtUp(60_000);

      expect((await readPost(postId, token)).body).toMatchObject({
        status: 'PUBLISHED',
        publishedAt: published.body.publishedAt,
        publication: { sagaId, status: 'PUBLISHED' },
      });
      expect(await feedEntriesOf(reader, postId)).toHaveLength(1);
    });
  }, 240_000);

  it(`stops every service on SIGTERM well within a ${GRACE_SECONDS} s grace period`, async () => {
    const stops = await timed('stop', () =>
      Promise.all(
        SERVICES.map(async (service) => ({
          service,
          ...(await stopContainer(service, GRACE_SECONDS)),
        })),
      ),
    );
    process.stdout.write(
      `container stops: ${stops.map((stop) => `${stop.service} ${stop.seconds.toFixed(1)} s exit ${stop.exitCode}`).join(', ')}\n`,
    );
    // 137 = SIGKILL: podman gave up waiting. Half the grace period leaves room for a slow disk.
    expect(
      stops.filter((stop) => stop.exitCode === 137 || stop.seconds >= GRACE_SECONDS / 2),
    ).toEqual([]);
  });
});
