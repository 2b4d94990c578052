import { randomUUID } from 'node:crypto';
import { client, eventually, serviceInstanceUrls } from '@blog/testing';
import { parsePrometheusText, type Sample, samplesOf, sumOf } from './support/prometheus-text';

// One sign-up through the gateway must move the operator's metrics on both services the
// saga crosses: HTTP latency, event store appends, commit-to-consume latency, consumer
// outcomes, saga steps, and the consumer lag and dead-letter gauges. Other specs may share
// the stack, so the checks are "moved by at least this flow", never exact totals.

type Service = 'auth' | 'user';

interface Scrape {
  readonly samples: readonly Sample[];
  readonly startedAt: number;
}

/**
 * Every instance of the service, straight (/metrics is open there, like /health, and never
 * routed by the gateway): with several, the work is wherever Kafka and the balancer put it,
 * and a counter's total is the sum over them, as Prometheus would add it up.
 */
async function scrape(service: Service): Promise<Scrape> {
  const samples: Sample[] = [];
  for (const url of serviceInstanceUrls(service)) {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    samples.push(...parsePrometheusText(await response.text()));
  }
  return { samples, startedAt: sumOf(samples, 'process_start_time_seconds') };
}

/** How far a counter moved; a service restarted in between counts from zero. */
function moved(before: Scrape, after: Scrape, name: string, labels: Record<string, string>) {
  const base = before.startedAt === after.startedAt ? sumOf(before.samples, name, labels) : 0;
  return sumOf(after.samples, name, labels) - base;
}

const handle = `metrics_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

describe('metrics of one sign-up', () => {
  const before: Partial<Record<Service, Scrape>> = {};
  const after: Partial<Record<Service, Scrape>> = {};
  const get = (scrapes: Partial<Record<Service, Scrape>>, service: Service): Scrape => {
    const found = scrapes[service];
    if (!found) throw new Error(`${service} was not scraped`);
    return found;
  };

  beforeAll(async () => {
    before.auth = await scrape('auth');
    before.user = await scrape('user');

    const registered = await client.POST('/api/auth/register', {
      body: {
        email: `${randomUUID()}@example.com`,
        password: `pw ${randomUUID()}`,
        handle,
        displayName: 'Metrics Probe',
      },
    });
    expect(registered.response.status).toBe(202);
    const accountId = registered.data?.accountId ?? '';
    const sagaId = registered.data?.sagaId ?? '';
    await eventually(
      () =>
        client.GET('/api/auth/registrations/{accountId}', {
          params: { path: { accountId }, query: { sagaId } },
        }),
      (answer) => answer.data?.status === 'ACTIVE',
    );
    const profile = await client.GET('/api/users/{handle}', { params: { path: { handle } } });
    expect(profile.response.status).toBe(200);

    // The saga step and outcome counters move once each consumer's transaction committed.
    const step = { saga_type: 'sign-up', step: 'account.activate', outcome: 'succeeded' };
    await eventually(
      async () => ({ auth: await scrape('auth'), user: await scrape('user') }),
      (scrapes) => {
        after.auth = scrapes.auth;
        after.user = scrapes.user;
        return moved(get(before, 'auth'), scrapes.auth, 'saga_outcomes_total', step) >= 1;
      },
      15_000,
    );
  });

  it('records HTTP request latency by route template on both services', () => {
    expect(
      moved(get(before, 'auth'), get(after, 'auth'), 'http_server_request_duration_seconds_count', {
        method: 'POST',
        route: '/auth/register',
        status_code: '202',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved(get(before, 'user'), get(after, 'user'), 'http_server_request_duration_seconds_count', {
        method: 'GET',
        route: '/users/:handle',
        status_code: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    const buckets = samplesOf(
      get(after, 'auth').samples,
      'http_server_request_duration_seconds_bucket',
      {
        route: '/auth/register',
        le: '+Inf',
      },
    );
    expect(buckets.length).toBeGreaterThan(0);
  });

  it('times event store appends on both services', () => {
    for (const service of ['auth', 'user'] as const) {
      expect(
        moved(
          get(before, service),
          get(after, service),
          'eventstore_append_duration_seconds_count',
          {},
        ),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sumOf(get(after, service).samples, 'eventstore_append_duration_seconds_sum'),
      ).toBeGreaterThan(0);
    }
  });

  it('measures outbox commit to consume latency and counts consumer outcomes', () => {
    const flows = [
      { service: 'user', consumer: 'user.sign-up', topic: 'outbox.event.account' },
      { service: 'auth', consumer: 'auth.sign-up', topic: 'outbox.event.profile' },
    ] as const;
    for (const { service, consumer, topic } of flows) {
      const [b, a] = [get(before, service), get(after, service)];
      expect(
        moved(b, a, 'outbox_commit_to_consume_seconds_count', { consumer, topic }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        moved(b, a, 'consumer_messages_total', { consumer, outcome: 'processed' }),
      ).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts the saga steps each service took, by saga type, step and outcome', () => {
    const started = { saga_type: 'sign-up', step: 'account.register', outcome: 'started' };
    const created = { saga_type: 'sign-up', step: 'profile.create', outcome: 'succeeded' };
    const activated = { saga_type: 'sign-up', step: 'account.activate', outcome: 'succeeded' };
    const [authBefore, authAfter] = [get(before, 'auth'), get(after, 'auth')];
    expect(moved(authBefore, authAfter, 'saga_outcomes_total', started)).toBeGreaterThanOrEqual(1);
    expect(moved(authBefore, authAfter, 'saga_outcomes_total', activated)).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      moved(get(before, 'user'), get(after, 'user'), 'saga_outcomes_total', created),
    ).toBeGreaterThanOrEqual(1);
  });

  it('reports consumer lag per topic and open dead letters per consumer', () => {
    const gauges = [
      { service: 'user', consumer: 'user.sign-up', topic: 'outbox.event.account' },
      { service: 'auth', consumer: 'auth.sign-up', topic: 'outbox.event.profile' },
    ] as const;
    for (const { service, consumer, topic } of gauges) {
      const samples = get(after, service).samples;
      const [lag] = samplesOf(samples, 'consumer_lag', { consumer, topic });
      expect(lag?.value).toBeGreaterThanOrEqual(0);
      const [open] = samplesOf(samples, 'dead_letters_open', { consumer });
      expect(open?.value).toBeGreaterThanOrEqual(0);
    }
  });
});
