import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call } from './support/http';
import { JwksStandIn } from './support/jwks-stand-in';
import { answer, deadUrl, type RecordedCall, UpstreamStandIn } from './support/upstream-stand-in';
import { type StandIns, startUpstreams, stopUpstreams } from './support/upstreams';

const PROBE_MS = 100;

/** An instance that serves reads, writes and its readiness as told. */
function serving(instance: UpstreamStandIn, name: string, ready: () => boolean) {
  instance.behaviour = answer((recorded: RecordedCall) =>
    recorded.url === '/health/ready'
      ? { status: ready() ? 200 : 503, body: { status: ready() ? 'ok' : 'error' } }
      : { status: recorded.method === 'POST' ? 201 : 200, body: { instance: name } },
  );
}

const servedBy = (instance: UpstreamStandIn) =>
  instance.calls.filter((recorded) => !recorded.url.startsWith('/health/')).length;

// Several instances of one upstream behind the gateway: balanced, a dead or unready one
// taken out of rotation and brought back, and only safe requests retried elsewhere.
describe('gateway with several instances of an upstream', () => {
  let jwks: JwksStandIn;
  let upstreams: StandIns;
  let gateway: RunningGateway;
  let first: UpstreamStandIn;
  let second: UpstreamStandIn;
  let dead: string;
  let firstReady = true;

  beforeAll(async () => {
    jwks = await JwksStandIn.start();
    const started = await startUpstreams();
    upstreams = started.standIns;
    [first, second] = await Promise.all([UpstreamStandIn.start(), UpstreamStandIn.start()]);
    serving(first, 'first', () => firstReady);
    serving(second, 'second', () => true);
    serving(upstreams.visitor, 'visitor', () => true);
    dead = await deadUrl();
    gateway = await bootGateway({
      ...started.env,
      AUTH_JWKS_URL: jwks.url,
      BLOG_URL: `${first.url},${second.url}`,
      VISITOR_URL: `${dead},${upstreams.visitor.url}`,
      UPSTREAM_PROBE_MS: String(PROBE_MS),
      RATE_LIMIT_MAX: '100000',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([first?.close(), second?.close()]);
    await stopUpstreams(upstreams);
    await jwks?.close();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, PROBE_MS * 4));

  it('spreads requests over every ready instance', async () => {
    const [before1, before2] = [servedBy(first), servedBy(second)];
    for (let i = 0; i < 40; i += 1)
      expect((await call(gateway.url, '/api/blogs')).status).toBe(200);
    expect(servedBy(first) - before1).toBeGreaterThan(5);
    expect(servedBy(second) - before2).toBeGreaterThan(5);
  });

  it('takes an instance whose readiness fails out of rotation, and brings it back when it recovers', async () => {
    firstReady = false;
    await settle();
    const before = servedBy(first);
    for (let i = 0; i < 20; i += 1)
      expect((await call(gateway.url, '/api/blogs')).status).toBe(200);
    expect(servedBy(first)).toBe(before);

    firstReady = true;
    await settle();
    for (let i = 0; i < 20; i += 1)
      expect((await call(gateway.url, '/api/blogs')).status).toBe(200);
    expect(servedBy(first)).toBeGreaterThan(before);
  });

  it('retries a read refused by a dead instance on a live one: no read fails, even unprobed', async () => {
    // A gateway that never probes: the dead instance stays in rotation, so every read the
    // pool sends there must be retried on the live one.
    const unprobed = await bootGateway({
      AUTH_JWKS_URL: jwks.url,
      VISITOR_URL: `${dead},${upstreams.visitor.url}`,
      UPSTREAM_PROBE_MS: '3600000',
    });
    try {
      const before = servedBy(upstreams.visitor);
      const statuses: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        statuses.push((await call(unprobed.url, '/api/stats/popular')).status);
      }
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(servedBy(upstreams.visitor) - before).toBe(30);
    } finally {
      await unprobed.close();
    }
  });

  it('sends writes only to the live instance once the dead one is out of rotation', async () => {
    await settle();
    const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    const before = servedBy(upstreams.visitor);
    for (let i = 0; i < 10; i += 1) {
      expect((await call(gateway.url, '/api/visits', post)).status).toBe(201);
    }
    expect(servedBy(upstreams.visitor) - before).toBe(10);
  });
});
