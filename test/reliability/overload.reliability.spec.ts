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
    const sampler = setInterval(() => {
      void gateway.rssBytes().then((rss) => {
        rssPeak = Math.max(rssPeak, rss);
      });
    }, 200);
    let result: autocannon.Result;
    try {
      result = await autocannon({
        url: `${gateway.url}/api/blogs/${blogId}`,
        connections: CONNECTIONS,
        duration: 8,
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
        `rss ${Math.round(before / 1e6)} → peak ${Math.round(rssPeak / 1e6)} MB\n`,
    );

    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    const otherFailures = [...statuses.keys()].filter((s) => s >= 500 && s !== 503);
    expect(otherFailures).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    // Bounded: the backlog is refused, not buffered; 256 MB is ~3x an idle gateway.
    expect(rssPeak).toBeLessThan(256 * 1024 * 1024);

    // Recovery is bounded by the slowest request still in flight (the upstream timeout).
    const after = await eventually(
      () => fetch(`${gateway.url}/api/blogs/${blogId}`),
      (response) => response.status === 200,
      5_000,
    );
    expect(after.status).toBe(200);
  });
});
