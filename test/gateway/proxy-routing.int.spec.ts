import { ROUTING_TABLE } from '../../apps/gateway/src/routing/routing-table';
import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call, rawCall } from './support/http';
import { JwksStandIn } from './support/jwks-stand-in';
import { answer } from './support/upstream-stand-in';
import { type StandIns, startUpstreams, stopUpstreams } from './support/upstreams';

// The gateway in-process against real HTTP stand-ins for the six services.
describe('gateway proxy', () => {
  let jwks: JwksStandIn;
  let upstreams: StandIns;
  let gateway: RunningGateway;
  let bearer: string;

  beforeAll(async () => {
    jwks = await JwksStandIn.start();
    const started = await startUpstreams();
    upstreams = started.standIns;
    gateway = await bootGateway({ ...started.env, AUTH_JWKS_URL: jwks.url });
    bearer = await jwks.bearer();
  });
  afterAll(async () => {
    await gateway?.close();
    await stopUpstreams(upstreams);
    await jwks?.close();
  });
  beforeEach(() => {
    for (const standIn of Object.values(upstreams)) {
      standIn.calls.length = 0;
      standIn.behaviour = answer(() => ({ status: 200, body: { ok: true } }));
    }
  });

  const allCalls = () => Object.values(upstreams).flatMap((standIn) => standIn.calls);

  it.each(ROUTING_TABLE.map((route) => [route.path, route] as const))(
    'routes %s to its upstream with the path rewritten',
    async (_, route) => {
      const suffix = route.subtree ? '/some/thing' : '';
      const answer = await call(gateway.url, `${route.path}${suffix}?q=1`, {
        headers: { authorization: bearer },
      });
      expect(answer.status).toBe(200);
      expect(upstreams[route.upstream].calls.map((c) => c.url)).toEqual([
        `${route.target}${suffix}?q=1`,
      ]);
      expect(allCalls()).toHaveLength(1);
    },
  );

  it('passes method, path, query, body bytes, status and headers through unchanged', async () => {
    upstreams.post.behaviour = answer(() => ({
      status: 201,
      headers: { 'x-upstream': 'post', 'cache-control': 'no-store' },
      body: { created: 'p1' },
    }));
    const body = '{ "title" : "Hello",\n  "n": 1.50 }';
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const answered = await rawCall(gateway.url, '/api/posts/p1/publish?x=1&y=a%20b&y=c', {
      method: 'PUT',
      headers: {
        authorization: bearer,
        'content-type': 'application/json; charset=utf-8',
        'x-custom': 'kept',
        traceparent,
        'x-request-id': 'req-123.abc_DEF',
        'x-forwarded-for': '203.0.113.7',
        'proxy-authorization': 'Basic c2VjcmV0',
        te: 'trailers',
        connection: 'keep-alive, x-hop',
        'x-hop': 'dropped',
      },
      body,
    });
    expect(answered.status).toBe(201);
    expect(JSON.parse(answered.text)).toEqual({ created: 'p1' });
    expect(answered.headers).toMatchObject({
      'x-upstream': 'post',
      'cache-control': 'no-store',
      'x-request-id': 'req-123.abc_DEF',
    });

    const [received] = upstreams.post.calls;
    expect(received).toMatchObject({
      method: 'PUT',
      url: '/posts/p1/publish?x=1&y=a%20b&y=c',
      body,
    });
    expect(received?.headers).toMatchObject({
      authorization: bearer,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'x-custom': 'kept',
      traceparent,
      'x-request-id': 'req-123.abc_DEF',
      'x-forwarded-for': '203.0.113.7, 127.0.0.1',
    });
    for (const hop of ['proxy-authorization', 'te', 'x-hop']) {
      expect(received?.headers).not.toHaveProperty(hop);
    }
  });

  it('passes upstream error statuses and bodies through intact', async () => {
    const refusals = [
      {
        status: 409,
        body: { code: 'LOCKED', message: 'post is publishing', details: { sagaId: 's1' } },
      },
      { status: 422, body: { code: 'POST.TITLE_TOO_LONG', message: 'too long' } },
      { status: 404, body: { code: 'POST.NOT_FOUND', message: 'no post p9' } },
      { status: 400, body: { code: 'POST.INVALID', message: 'bad', details: { field: 'title' } } },
    ];
    for (const refusal of refusals) {
      upstreams.post.behaviour = answer(() => refusal);
      const answered = await call(gateway.url, '/api/posts/p9', {
        method: 'PATCH',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: '{}',
      });
      expect({ status: answered.status, body: answered.json }).toEqual(refusal);
    }
  });

  it('drops the upstream’s hop-by-hop headers from the response', async () => {
    upstreams.user.behaviour = answer(() => ({
      status: 200,
      headers: { 'keep-alive': 'timeout=1', 'x-kept': 'yes', trailer: 'x-sum' },
      body: { handle: 'ann' },
    }));
    const answered = await rawCall(gateway.url, '/api/users/ann', {
      headers: { connection: 'close' },
    });
    expect(answered.status).toBe(200);
    expect(answered.headers['x-kept']).toBe('yes');
    expect(answered.headers['trailer']).toBeUndefined();
    expect(answered.headers['keep-alive']).toBeUndefined();
  });

  it('reuses a keep-alive connection to the upstream across requests', async () => {
    const blog = upstreams.blog;
    const before = blog.connections;
    for (let i = 0; i < 5; i += 1) {
      expect((await call(gateway.url, `/api/blogs/b${i}`)).status).toBe(200);
    }
    expect(blog.calls).toHaveLength(5);
    expect(blog.connections - before).toBeLessThanOrEqual(1);
  });

  it('answers an unknown route with 404 NOT_FOUND and calls nobody', async () => {
    for (const path of ['/api/unknown', '/api/blogsx', '/api', '/internal/dead-letters']) {
      const answered = await call(gateway.url, path, { headers: { authorization: bearer } });
      expect({
        path,
        status: answered.status,
        code: (answered.json as { code: string }).code,
      }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    expect(allCalls()).toEqual([]);
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE before any upstream call', async () => {
    const answered = await call(gateway.url, '/api/blogs', {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(70_000) }),
    });
    expect(answered.status).toBe(413);
    expect(answered.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(allCalls()).toEqual([]);
  });

  it('takes the larger bodies post takes (1 MiB) on /api/posts, and refuses more', async () => {
    const post = (size: number) =>
      call(gateway.url, '/api/posts', {
        method: 'POST',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'x'.repeat(size) }),
      });
    expect((await post(200_000)).status).toBe(200);
    expect(upstreams.post.calls).toHaveLength(1);
    expect((await post(1_100_000)).status).toBe(413);
    expect(upstreams.post.calls).toHaveLength(1);
  });

  it('refuses malformed JSON with 400 MALFORMED_REQUEST before any upstream call', async () => {
    const answered = await call(gateway.url, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"handle": "ann", ',
    });
    expect(answered.status).toBe(400);
    expect(answered.json).toMatchObject({ code: 'MALFORMED_REQUEST' });
    expect(allCalls()).toEqual([]);
  });

  it('refuses a body of any other type with 415 without calling the upstream, and forwards no body as none', async () => {
    for (const contentType of ['text/markdown', 'application/x-www-form-urlencoded']) {
      const refused = await call(gateway.url, '/api/posts/p1', {
        method: 'PUT',
        headers: { authorization: bearer, 'content-type': contentType },
        body: '# not JSON {',
      });
      expect(refused.status).toBe(415);
      expect(refused.json).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(refused.headers.get('x-request-id')).toEqual(expect.any(String));
    }
    await call(gateway.url, '/api/posts/p1', {
      method: 'DELETE',
      headers: { authorization: bearer },
    });
    await call(gateway.url, '/api/posts/p1/publish', {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'application/json' },
    });
    expect(
      upstreams.post.calls.map(({ method, body, headers }) => [
        method,
        body,
        headers['content-type'],
      ]),
    ).toEqual([
      ['DELETE', '', undefined],
      ['POST', '', 'application/json'],
    ]);
  });

  it('refuses paths that could climb out of the upstream prefix', async () => {
    for (const path of [
      '/api/users/%2e%2e/internal/dead-letters',
      '/api/users/a/%2E/b',
      '/api/users/%E0%A4%A',
    ]) {
      const answered = await rawCall(gateway.url, path);
      expect({ path, status: answered.status }).toEqual({ path, status: 400 });
    }
    expect(allCalls()).toEqual([]);
  });

  describe('request ids', () => {
    it('keeps a sane incoming id and forwards it', async () => {
      const answered = await call(gateway.url, '/api/users/ann', {
        headers: { 'x-request-id': 'client-id-1' },
      });
      expect(answered.headers.get('x-request-id')).toBe('client-id-1');
      expect(upstreams.user.calls[0]?.headers['x-request-id']).toBe('client-id-1');
    });

    it.each([
      ['missing', undefined],
      ['too long', 'a'.repeat(65)],
      ['with unsafe characters', 'id with spaces"\\'],
    ])('generates a UUID when the incoming id is %s', async (_, incoming) => {
      const answered = await call(gateway.url, '/api/users/ann', {
        headers: incoming === undefined ? {} : { 'x-request-id': incoming },
      });
      const id = answered.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(upstreams.user.calls[0]?.headers['x-request-id']).toBe(id);
    });

    it('puts one on refusals too', async () => {
      for (const answered of [
        await call(gateway.url, '/api/feed'),
        await call(gateway.url, '/nowhere'),
        await call(gateway.url, '/admin/sagas', { headers: { 'x-request-id': 'r-401' } }),
      ]) {
        expect(answered.status).toBeGreaterThanOrEqual(400);
        expect(answered.headers.get('x-request-id')).toBeTruthy();
      }
    });
  });
});
