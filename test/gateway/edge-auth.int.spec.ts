import { generateKeyPair } from 'jose';
import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call } from './support/http';
import { JwksStandIn } from './support/jwks-stand-in';
import { answer } from './support/upstream-stand-in';
import { type StandIns, startUpstreams, stopUpstreams } from './support/upstreams';

// Tokens are verified at the edge, before any upstream is called.
describe('gateway authentication', () => {
  let jwks: JwksStandIn;
  let upstreams: StandIns;
  let gateway: RunningGateway;

  beforeAll(async () => {
    jwks = await JwksStandIn.start();
    const started = await startUpstreams();
    upstreams = started.standIns;
    gateway = await bootGateway({ ...started.env, AUTH_JWKS_URL: jwks.url });
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

  it.each([
    ['no token', async () => undefined, 'AUTH.TOKEN_MISSING'],
    ['a non-bearer scheme', async () => 'Basic YW5uOnB3', 'AUTH.TOKEN_MISSING'],
    [
      'an expired token',
      () => jwks.bearer({ exp: Math.floor(Date.now() / 1000) - 30 }),
      'AUTH.TOKEN_EXPIRED',
    ],
    [
      'a token signed with another key',
      async () => jwks.bearer({ key: (await generateKeyPair('RS256')).privateKey }),
      'AUTH.TOKEN_INVALID',
    ],
    ['an alg: none token', () => jwks.unsignedBearer(), 'AUTH.TOKEN_INVALID'],
    ['garbage', async () => 'Bearer not.a.jwt', 'AUTH.TOKEN_INVALID'],
  ])(
    'refuses %s on a protected route with 401 and never calls the upstream',
    async (_, header, code) => {
      const authorization = await header();
      const answered = await call(gateway.url, '/api/posts', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: '{"title":"t"}',
      });
      expect(answered.status).toBe(401);
      expect(answered.json).toMatchObject({ code, message: expect.any(String) });
      expect(allCalls()).toEqual([]);
    },
  );

  it.each([
    ['POST', '/api/auth/logout'],
    ['PATCH', '/api/users/ann'],
    ['POST', '/api/blogs'],
    ['DELETE', '/api/blogs/b1'],
    ['POST', '/api/posts/p1/publish'],
    ['GET', '/api/subscriptions'],
    ['POST', '/api/subscriptions'],
    ['GET', '/api/feed'],
    ['GET', '/api/visits'],
    ['POST', '/api/stats/popular'],
  ])('needs a token for %s %s', async (method, path) => {
    const answered = await call(gateway.url, path, { method });
    expect(answered.status).toBe(401);
    expect(allCalls()).toEqual([]);
  });

  it.each([
    ['POST', '/api/auth/register', 'auth'],
    ['POST', '/api/auth/login', 'auth'],
    ['POST', '/api/auth/refresh', 'auth'],
    ['GET', '/.well-known/jwks.json', 'auth'],
    ['GET', '/api/users/ann', 'user'],
    ['GET', '/api/blogs', 'blog'],
    ['GET', '/api/blogs/b1/posts', 'blog'],
    ['GET', '/api/posts/p1', 'post'],
    ['HEAD', '/api/posts/p1', 'post'],
    ['GET', '/api/stats/popular', 'visitor'],
    ['POST', '/api/visits', 'visitor'],
  ] as const)('lets anonymous %s %s through', async (method, path, upstream) => {
    const answered = await call(gateway.url, path, { method });
    expect(answered.status).toBe(200);
    expect(upstreams[upstream].calls).toHaveLength(1);
  });

  it('forwards the caller’s own Authorization header with a valid token', async () => {
    const authorization = await jwks.bearer({ sub: 'acc-42' });
    const answered = await call(gateway.url, '/api/feed?page=2', { headers: { authorization } });
    expect(answered.status).toBe(200);
    expect(upstreams.subscribe.calls[0]?.headers['authorization']).toBe(authorization);
  });

  it('refuses a user token on the admin routes with 403, and no token with 401', async () => {
    const user = await jwks.bearer({ roles: ['user'] });
    for (const [method, path] of [
      ['GET', '/admin/sagas'],
      ['GET', '/admin/sagas/s1'],
      ['POST', '/admin/sagas/s1/replay'],
      ['GET', '/admin/dead-letters'],
      ['POST', '/admin/dead-letters/redrive'],
    ] as const) {
      const forbidden = await call(gateway.url, path, { method, headers: { authorization: user } });
      expect({ path, status: forbidden.status, body: forbidden.json }).toMatchObject({
        path,
        status: 403,
        body: { code: 'AUTH.FORBIDDEN' },
      });
      const anonymous = await call(gateway.url, path, { method });
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
    }
    expect(allCalls()).toEqual([]);
  });
});
