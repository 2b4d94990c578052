import { randomUUID } from 'node:crypto';
import { api, eventually, mintAccessToken } from '@blog/testing';
import autocannon from 'autocannon';
import { type ExtraGateway, startExtraGateway } from './support/extra-gateway';

// More load than the gateway may serve: it sheds the excess with 503 OVERLOADED at once,
// answers nothing with any other 5xx, keeps its memory bounded, and serves normally the
// moment the load stops. A second gateway process with a small in-flight cap takes the
// load, so the stack's own gateway and its rate budget are untouched.

const MAX_IN_FLIGHT = 32;
const CONNECTIONS = 256;
const DURATION_S = 8;

describe('gateway overload', () => {
  let gateway: ExtraGateway;
  let blogId: string;

  beforeAll(async () => {
    gateway = await startExtraGateway(3100, {
      MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
      RATE_LIMIT_MAX: '1000000',
    });
    const token = await mintAccessToken({ accountId: randomUUID() });
    const blog = await api<{ id: string }>('POST', '/api/blogs', {
      token,
      body: { title: 'Overload target' },
    });
    blogId = blog.body.id;
  });
  afterAll(() => gateway?.stop());

  it('sheds with 503 OVERLOADED, never another 5xx, stays bounded in memory, and recovers at once', async () => {
    const before = await gateway.rssBytes();
    const statuses = new Map<number, number>();
    let rssPeak = before;
    const startedAt = Date.now();
    /** Peak RSS in the first and in the second half of the load. */
    const halves = [before, before];
    const sampler = setInterval(() => {
      void gateway.rssBytes().then((rss) => {
        rssPeak = Math.max(rssPeak, rss);
        const half = Date.now() - startedAt < (DURATION_S * 1000) / 2 ? 0 : 1;
        halves[half] = Math.max(halves[half] ?? 0, rss);
      });
    }, 200);
    let result: autocannon.Result;
    try {
      result = await autocannon({
        url: `${gateway.url}/api/blogs/${blogId}`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        setupClient: (client) =>
          client.on('response', (status: number) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }),
      });
    } finally {
      clearInterval(sampler);
    }
    process.stdout.write(
      `overload: ${JSON.stringify(Object.fromEntries(statuses))}, ` +
        `${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ` +
        `rss ${Math.round(before / 1e6)} → peak ${Math.round(rssPeak / 1e6)} MB ` +
        `(halves ${halves.map((rss) => Math.round(rss / 1e6)).join(' / ')} MB)\n`,
    );

    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    const otherFailures = [...statuses.keys()].filter((s) => s >= 500 && s !== 503);
    expect(otherFailures).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    // Bounded: the backlog is refused, not buffered (buffered, 50,000 refused requests would
    // take gigabytes). The peak moves with the rate the gateway sheds at, garbage between
    // collections: under 4x an idle gateway. The halves are printed to watch its growth.
    expect(rssPeak).toBeLessThan(4 * before);

    // Recovery is bounded by the slowest request still in flight (the upstream timeout).
    const after = await eventually(
      () => fetch(`${gateway.url}/api/blogs/${blogId}`),
      (response) => response.status === 200,
      5_000,
    );
    expect(after.status).toBe(200);
  });
});
