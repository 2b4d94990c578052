import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call, rawCall } from './support/http';
import { JwksStandIn } from './support/jwks-stand-in';
import { answer, deadUrl, hang, reset } from './support/upstream-stand-in';
import { type StandIns, startUpstreams, stopUpstreams } from './support/upstreams';

const TIMEOUT_MS = 500;
const RESET_MS = 1_000;

// Slow, dead and failing upstreams: the client always gets an answer, and quickly.
// Each case uses its own upstream, since breakers are per upstream.
describe('gateway upstream resilience', () => {
  let jwks: JwksStandIn;
  let upstreams: StandIns;
  let gateway: RunningGateway;

  beforeAll(async () => {
    jwks = await JwksStandIn.start();
    const started = await startUpstreams();
    upstreams = started.standIns;
    gateway = await bootGateway({
      ...started.env,
      VISITOR_URL: await deadUrl(),
      AUTH_JWKS_URL: jwks.url,
      UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
      BREAKER_VOLUME_THRESHOLD: '4',
      BREAKER_ERROR_PERCENT: '50',
      BREAKER_RESET_MS: String(RESET_MS),
      // One client sends a thousand requests below; the rate limit is not what is tested.
      RATE_LIMIT_MAX: '100000',
      AUTH_RATE_LIMIT_MAX: '100000',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await stopUpstreams(upstreams);
    await jwks?.close();
  });

  const timed = async (path: string) => {
    const started = Date.now();
    const answered = await call(gateway.url, path);
    return { ...answered, ms: Date.now() - started };
  };

  it('answers 504 UPSTREAM_TIMEOUT within the timeout when the upstream hangs', async () => {
    upstreams.post.behaviour = hang;
    const answered = await timed('/api/posts/p1');
    expect(answered.status).toBe(504);
    expect(answered.json).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      details: { upstream: 'post' },
    });
    expect(answered.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    // undici checks timeouts on a ~0.5 s tick, hence the margin.
    expect(answered.ms).toBeLessThan(TIMEOUT_MS + 1_500);
    expect(upstreams.post.calls).toHaveLength(1);
  });

  it('answers 503 UPSTREAM_UNAVAILABLE at once when nothing listens', async () => {
    const answered = await timed('/api/stats/popular');
    expect(answered.status).toBe(503);
    expect(answered.json).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { upstream: 'visitor' },
    });
    expect(answered.ms).toBeLessThan(1_000);
  });

  it('opens the breaker after repeated cut connections, refuses without calling, and closes after recovery', async () => {
    const blog = upstreams.blog;
    blog.behaviour = reset;
    for (let i = 0; i < 4; i += 1) {
      const failed = await call(gateway.url, '/api/blogs');
      expect(failed.status).toBe(503);
      expect(failed.json).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    }

    const refused = await timed('/api/blogs/b1');
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ code: 'CIRCUIT_OPEN', details: { upstream: 'blog' } });
    expect(refused.ms).toBeLessThan(1_000);
    expect(blog.calls).toHaveLength(4);

    // Other upstreams have breakers of their own.
    expect((await call(gateway.url, '/api/users/ann')).status).toBe(200);

    blog.behaviour = answer(() => ({ status: 200, body: { ok: true } }));
    expect((await call(gateway.url, '/api/blogs')).status).toBe(503); // still open
    await new Promise((resolve) => setTimeout(resolve, RESET_MS + 100));
    expect((await call(gateway.url, '/api/blogs')).status).toBe(200); // the trial call
    for (let i = 0; i < 3; i += 1) expect((await call(gateway.url, '/api/blogs')).status).toBe(200);
    expect(blog.calls).toHaveLength(8);
  });

  it('passes an upstream’s 500s through without counting them: one client’s thousand failing requests never pause another’s', async () => {
    // A 500 is the answer to one request, which the client chose; counted, a handful of
    // anonymous requests shaped to fail would pause the upstream for every caller.
    const auth = upstreams.auth;
    auth.behaviour = answer((recorded) =>
      recorded.method === 'POST'
        ? { status: 500, body: { code: 'INTERNAL', message: 'Internal error' } }
        : { status: 200, body: { keys: [] } },
    );
    const hostile = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    let failed = 0;
    const wellBehaved: number[] = [];
    for (let i = 0; i < 1_000; i += 1) {
      const answered = await rawCall(gateway.url, '/api/auth/register', hostile);
      if (answered.status === 500) failed += 1;
      if (i % 50 === 0) {
        const read = await rawCall(gateway.url, '/.well-known/jwks.json', {
          localAddress: '127.0.0.2',
        });
        wellBehaved.push(read.status);
      }
    }
    expect(failed).toBe(1_000);
    expect(wellBehaved).toHaveLength(20);
    expect(wellBehaved.every((status) => status === 200)).toBe(true);
    expect(auth.calls).toHaveLength(1_020);
    auth.calls.length = 0;
  });

  it('counts timeouts as failures too, so a hanging upstream is cut off', async () => {
    const subscribe = upstreams.subscribe;
    subscribe.behaviour = hang;
    const authorization = await jwks.bearer();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await call(gateway.url, '/api/feed', { headers: { authorization } })).status);
    }
    expect(statuses).toEqual([504, 504, 504, 504, 503]);
    expect(subscribe.calls).toHaveLength(4);
  });

  it('passes an upstream’s own 503 through and keeps its breaker closed: shedding is not failing', async () => {
    // auth refuses sign-ups with 503 AUTH.BUSY when its password hashing is backed up; were
    // that counted, a sign-up burst would pause logins and key fetches on the same upstream.
    const auth = upstreams.auth;
    auth.behaviour = answer(() => ({
      status: 503,
      body: { code: 'AUTH.BUSY', message: 'Too many password checks at once; retry shortly' },
    }));
    const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    for (let i = 0; i < 6; i += 1) {
      const shed = await call(gateway.url, '/api/auth/register', post);
      expect(shed.status).toBe(503);
      expect(shed.json).toMatchObject({ code: 'AUTH.BUSY' });
    }
    auth.behaviour = answer(() => ({ status: 200, body: { ok: true } }));
    expect((await call(gateway.url, '/api/auth/login', post)).status).toBe(200);
    expect(auth.calls).toHaveLength(7);
  });
});
