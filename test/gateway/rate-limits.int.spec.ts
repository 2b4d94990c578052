import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call, rawCall } from './support/http';
import { JwksStandIn } from './support/jwks-stand-in';
import { type StandIns, startUpstreams, stopUpstreams } from './support/upstreams';

// Small budgets so the limits act within a spec; every request here comes from 127.0.0.1
// unless it says otherwise.
describe('gateway rate limits', () => {
  let jwks: JwksStandIn;
  let upstreams: StandIns;
  let gateway: RunningGateway;

  beforeAll(async () => {
    jwks = await JwksStandIn.start();
    const started = await startUpstreams();
    upstreams = started.standIns;
    gateway = await bootGateway({
      ...started.env,
      AUTH_JWKS_URL: jwks.url,
      RATE_LIMIT_MAX: '10',
      RATE_LIMIT_WINDOW_MS: '60000',
      AUTH_RATE_LIMIT_MAX: '3',
      AUTH_RATE_LIMIT_WINDOW_MS: '60000',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await stopUpstreams(upstreams);
    await jwks?.close();
  });

  const login = () =>
    call(gateway.url, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"handle":"ann","password":"pw"}',
    });

  it('gives the credential endpoints a stricter budget: 429 with Retry-After once spent', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login()).status).toBe(200);
    const refused = await login();
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.any(String),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(
      (refused.json as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds,
    ).toBe(retryAfter);
    expect(upstreams.auth.callsTo('/auth/login')).toHaveLength(3);
    // Other routes still have budget left.
    expect((await call(gateway.url, '/api/posts')).status).toBe(200);
  });

  it('limits everything per client address, the gateway’s own routes included', async () => {
    // 5 requests counted so far (4 logins, 1 post listing): 5 more fit the budget of 10.
    for (let i = 0; i < 5; i += 1) expect((await call(gateway.url, '/api/blogs')).status).toBe(200);
    for (const path of ['/api/blogs', '/admin/sagas', '/docs/json', '/nowhere']) {
      const refused = await call(gateway.url, path);
      expect({
        path,
        status: refused.status,
        code: (refused.json as { code: string }).code,
      }).toEqual({
        path,
        status: 429,
        code: 'RATE_LIMITED',
      });
      expect(refused.headers.get('x-request-id')).toBeTruthy();
    }
    expect(upstreams.blog.calls).toHaveLength(5);
  });

  it('keeps health probes out of the budget', async () => {
    expect((await call(gateway.url, '/health/live')).status).toBe(200);
  });

  it('counts another client address separately', async () => {
    const other = await rawCall(gateway.url, '/api/blogs', { localAddress: '127.0.0.2' });
    expect(other.status).toBe(200);
  });
});
