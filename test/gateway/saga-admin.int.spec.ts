import { randomUUID } from 'node:crypto';
import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call } from './support/http';
import { JwksStandIn } from './support/jwks-stand-in';
import { eventually, type SagaMessage, secondsAfter, SpecTopics } from './support/saga-traffic';
import { answer, deadUrl, type RecordedCall } from './support/upstream-stand-in';
import { type StandIns, startUpstreams, stopUpstreams } from './support/upstreams';

interface SagaItem {
  sagaId: string;
  type: string;
  status: string;
  startedAt: string;
}
interface SagaPage {
  items: SagaItem[];
  nextCursor: string | null;
  unreachable: { service: string; code: string }[];
}

/** What a service's `/internal` routes answer (libs/chassis SagaAdminController). */
function internalRoutes(service: string) {
  return (made: RecordedCall) => {
    const path = made.url.split('?')[0] ?? '';
    if (made.method === 'GET' && path === '/internal/dead-letters') {
      // One dead letter per service: a page after it (a cursor) is empty.
      if (new URLSearchParams(made.url.split('?')[1]).has('cursor')) {
        return { status: 200, body: { items: [], nextCursor: null } };
      }
      return {
        status: 200,
        body: {
          nextCursor: null,
          items: [
            {
              id: '1',
              consumer: `${service}.main`,
              messageId: null,
              topic: 'outbox.event.x',
              partition: 1,
              offset: '42',
              key: 'k1',
              sagaId: null,
              status: 'failed',
              reason: 'invalid-payload',
              error: 'bad',
              attempts: 1,
              createdAt: '2026-11-23T12:00:00.000Z',
            },
          ],
        },
      };
    }
    if (made.method === 'POST' && path === '/internal/dead-letters/redrive') {
      return { status: 200, body: { resolved: 2, stillParked: [] } };
    }
    const replay = /^\/internal\/sagas\/([^/]+)\/replay$/.exec(path);
    if (made.method === 'POST' && replay) {
      return {
        status: 200,
        body: { sagaId: replay[1], republished: 3, redriven: 1, stillParked: [] },
      };
    }
    return { status: 404, body: { code: 'NOT_FOUND', message: 'no route' } };
  };
}

// Operator routes over the monitor's projection, with the services as stand-ins and the
// visitor service down.
describe('saga admin routes', () => {
  const topics = new SpecTopics();
  let jwks: JwksStandIn;
  let upstreams: StandIns;
  let gateway: RunningGateway;
  let admin: string;
  const base = new Date(Date.now() - 3_600_000);
  const sagas: Record<string, { id: string; type: string; status: string; startedAt: Date }> = {};

  const get = async <T>(path: string) => {
    const answered = await call(gateway.url, path, { headers: { authorization: admin } });
    return { status: answered.status, body: answered.json as T };
  };
  const post = async <T>(path: string) => {
    const answered = await call(gateway.url, path, {
      method: 'POST',
      headers: { authorization: admin },
    });
    return { status: answered.status, body: answered.json as T };
  };

  beforeAll(async () => {
    await topics.create(['account', 'post', 'blog']);
    jwks = await JwksStandIn.start();
    const started = await startUpstreams();
    upstreams = started.standIns;
    for (const [name, standIn] of Object.entries(upstreams)) {
      standIn.behaviour = answer(internalRoutes(name));
    }
    gateway = await bootGateway({
      ...started.env,
      VISITOR_URL: await deadUrl(),
      AUTH_JWKS_URL: jwks.url,
      SAGA_MONITOR_ENABLED: 'true',
      SAGA_MONITOR_TOPICS: topics.list(['account', 'post', 'blog']),
      SAGA_STUCK_AFTER_MS: String(24 * 3_600_000),
    });
    admin = await jwks.bearer({ sub: 'acc-admin', roles: ['admin'] });

    // Seven sagas, one start a minute apart: three sign-ups (two succeeded, one running),
    // two publish-post (running), a compensated delete-blog, a timed-out close-account.
    const plan: [string, string, string, string[]][] = [
      ['account', 'sign-up', 'succeeded', ['AccountRegistered', 'AccountActivated']],
      ['post', 'publish-post', 'running', ['PublishRequested']],
      ['account', 'sign-up', 'running', ['AccountRegistered']],
      ['blog', 'delete-blog', 'compensated', ['BlogDeletionRequested', 'BlogDeletionCancelled']],
      ['account', 'sign-up', 'succeeded', ['AccountRegistered', 'AccountActivated']],
      ['post', 'publish-post', 'running', ['PublishRequested']],
      [
        'account',
        'close-account',
        'timed_out',
        ['AccountClosureRequested', 'AccountClosureTimedOut'],
      ],
    ];
    for (const [i, [aggregate, type, status, messages]] of plan.entries()) {
      const id = randomUUID();
      const startedAt = secondsAfter(base, i * 60);
      sagas[`${type}#${i}`] = { id, type, status, startedAt };
      const key = randomUUID();
      await topics.produce(
        aggregate,
        messages.map((messageType, step): SagaMessage => ({
          type: messageType,
          sagaId: id,
          key,
          occurredAt: secondsAfter(startedAt, step),
        })),
      );
    }
    await eventually(async () => {
      expect((await get<SagaPage>('/admin/sagas?limit=100')).body.items).toHaveLength(7);
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await stopUpstreams(upstreams);
    await jwks?.close();
  });

  const expected = (filter: (saga: { type: string; status: string }) => boolean) =>
    Object.values(sagas)
      .filter(filter)
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
      .map((saga) => saga.id);

  it('lists sagas newest first with their status and type', async () => {
    const { body } = await get<SagaPage>('/admin/sagas');
    expect(body.items.map((item) => item.sagaId)).toEqual(expected(() => true));
    for (const item of body.items) {
      const saga = Object.values(sagas).find((s) => s.id === item.sagaId);
      expect(item).toMatchObject({ type: saga?.type, status: saga?.status });
    }
    expect(body.nextCursor).toBeNull();
  });

  it('filters by status and by type, together or alone', async () => {
    const ids = async (query: string) =>
      (await get<SagaPage>(`/admin/sagas?${query}`)).body.items.map((item) => item.sagaId);
    expect(await ids('status=running')).toEqual(expected((s) => s.status === 'running'));
    expect(await ids('type=sign-up')).toEqual(expected((s) => s.type === 'sign-up'));
    expect(await ids('type=sign-up&status=succeeded')).toEqual(
      expected((s) => s.type === 'sign-up' && s.status === 'succeeded'),
    );
    expect(await ids('status=compensated')).toEqual(expected((s) => s.status === 'compensated'));
    expect(await ids('status=timed_out&type=close-account')).toHaveLength(1);
    expect(await ids('status=stuck')).toEqual([]);
  });

  it('pages with a cursor: no saga twice, none left out', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `type=sign-up&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await get<SagaPage>(`/admin/sagas?${query}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item) => item.sagaId));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(expected((s) => s.type === 'sign-up'));
  });

  it.each([
    ['/admin/sagas?status=bogus'],
    ['/admin/sagas?type=launch-rocket'],
    ['/admin/sagas?limit=0'],
    ['/admin/sagas?limit=1000'],
    ['/admin/sagas?limit=two'],
    ['/admin/sagas?cursor=not-a-cursor'],
    ['/admin/sagas?status=running&status=stuck'],
    ['/admin/sagas?sort=asc'],
    ['/admin/sagas/has%20space'],
    ['/admin/sagas/a!b'],
    ['/admin/dead-letters?status=lost'],
    ['/admin/dead-letters?sagaId=a%3Bb'],
  ])('refuses %s with 400 ADMIN.INVALID_INPUT', async (path) => {
    const { status, body } = await get<{ code: string; message: string }>(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'ADMIN.INVALID_INPUT', message: expect.any(String) });
  });

  it('answers 404 for a saga it has never seen', async () => {
    const { status, body } = await get(`/admin/sagas/${randomUUID()}`);
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'ADMIN.SAGA_NOT_FOUND' });
  });

  it('replays a saga on every service with the admin’s token and reports the one that is down', async () => {
    const sagaId = sagas['publish-post#1']?.id ?? '';
    for (const standIn of Object.values(upstreams)) standIn.calls.length = 0;
    const first = await post<{
      sagaId: string;
      republished: number;
      redriven: number;
      services: { service: string; ok: boolean; code?: string }[];
    }>(`/admin/sagas/${sagaId}/replay`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ sagaId, republished: 15, redriven: 5 });
    expect(first.body.services).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'auth', ok: true }),
        expect.objectContaining({ service: 'gateway', ok: true }),
        expect.objectContaining({ service: 'visitor', ok: false, code: 'UPSTREAM_UNAVAILABLE' }),
      ]),
    );
    expect(first.body.services).toHaveLength(7);
    for (const name of ['auth', 'user', 'blog', 'post', 'subscribe'] as const) {
      expect(upstreams[name].calls).toEqual([
        expect.objectContaining({ method: 'POST', url: `/internal/sagas/${sagaId}/replay` }),
      ]);
      expect(upstreams[name].calls[0]?.headers['authorization']).toBe(admin);
    }

    const again = await post(`/admin/sagas/${sagaId}/replay`);
    expect(again.status).toBe(200);
  });

  it('pages dead letters across services with one cursor: none twice, none left out', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const { status, body } = await get<{
        items: { service: string }[];
        nextCursor: string | null;
      }>(`/admin/dead-letters?status=failed&limit=2${query}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item) => item.service));
      cursor = body.nextCursor;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    expect(seen.sort()).toEqual(['auth', 'blog', 'post', 'subscribe', 'user']);
  });

  it('refuses a dead-letter cursor it did not issue with 400 ADMIN.INVALID_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify({ auth: 'drop table' })).toString('base64url');
    const { status, body } = await get(`/admin/dead-letters?cursor=${forged}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'ADMIN.INVALID_INPUT' });
  });

  it('lists every service’s dead letters and re-drives them, naming each service', async () => {
    const listed = await get<{
      items: { service: string; consumer: string }[];
      unreachable: { service: string }[];
    }>('/admin/dead-letters?status=failed');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.service).sort()).toEqual(
      ['auth', 'blog', 'post', 'subscribe', 'user'].sort(),
    );
    expect(listed.body.unreachable).toEqual([expect.objectContaining({ service: 'visitor' })]);
    expect(upstreams.auth.calls.at(-1)?.url).toBe('/internal/dead-letters?status=failed&limit=20');

    const redriven = await post<{ resolved: number; services: { service: string; ok: boolean }[] }>(
      '/admin/dead-letters/redrive',
    );
    expect(redriven.status).toBe(200);
    expect(redriven.body.resolved).toBe(10);
    expect(redriven.body.services.filter((outcome) => !outcome.ok)).toEqual([
      expect.objectContaining({ service: 'visitor' }),
    ]);
  });
});
