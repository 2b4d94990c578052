import fastify from 'fastify';
import { Registry } from 'prom-client';
import { registerHttpMetrics } from '../http/http-metrics.hook';
import { ServiceMetrics } from './service-metrics';

function freshMetrics() {
  return new ServiceMetrics({ registry: new Registry(), defaultMetrics: false });
}

async function valueOf(metrics: ServiceMetrics, name: string, labels: Record<string, string>) {
  const metric = metrics.registry.getSingleMetric(name);
  const values = (await metric?.get())?.values ?? [];
  return values.find((v) =>
    Object.entries(labels).every(([key, value]) => String(v.labels[key]) === value),
  )?.value;
}

describe('ServiceMetrics', () => {
  it('observes commit-to-consume latency from the envelope timestamp', async () => {
    const metrics = freshMetrics();
    const now = Date.parse('2026-01-01T00:00:02.500Z');
    metrics.observeCommitToConsume(
      'post-projector',
      'outbox.event.post',
      '2026-01-01T00:00:00.000Z',
      now,
    );
    const labels = { consumer: 'post-projector', topic: 'outbox.event.post' };
    expect(
      await valueOf(metrics, 'outbox_commit_to_consume_seconds', { ...labels, le: '2.5' }),
    ).toBe(1);
    expect(await valueOf(metrics, 'outbox_commit_to_consume_seconds', { ...labels, le: '1' })).toBe(
      0,
    );
  });

  it('counts a clock-skewed timestamp as zero and ignores an unparsable one', async () => {
    const metrics = freshMetrics();
    const now = Date.parse('2026-01-01T00:00:00.000Z');
    metrics.observeCommitToConsume('c', 't', '2026-01-01T00:00:05.000Z', now);
    metrics.observeCommitToConsume('c', 't', 'yesterday', now);
    const text = await metrics.scrape();
    expect(text).toContain('outbox_commit_to_consume_seconds_count{consumer="c",topic="t"} 1');
    expect(text).toContain('outbox_commit_to_consume_seconds_sum{consumer="c",topic="t"} 0');
  });

  it('counts consumer outcomes and sets lag and open dead letters', async () => {
    const metrics = freshMetrics();
    metrics.countConsumerOutcome('subscribe', 'processed');
    metrics.countConsumerOutcome('subscribe', 'processed');
    metrics.countConsumerOutcome('subscribe', 'dead-lettered');
    metrics.setConsumerLag('subscribe', 'outbox.event.blog', 7);
    metrics.setDeadLettersOpen('subscribe', 2);
    const text = await metrics.scrape();
    expect(text).toContain('consumer_messages_total{consumer="subscribe",outcome="processed"} 2');
    expect(text).toContain(
      'consumer_messages_total{consumer="subscribe",outcome="dead-lettered"} 1',
    );
    expect(text).toContain('consumer_lag{consumer="subscribe",topic="outbox.event.blog"} 7');
    expect(text).toContain('dead_letters_open{consumer="subscribe"} 2');
  });

  it('counts saga outcomes and times event store appends, failed ones included', async () => {
    const metrics = freshMetrics();
    metrics.countSagaOutcome('publish-post', 'post.complete-publication', 'compensated');
    metrics.observeEventStoreAppend(0.004);
    await expect(
      metrics.timeEventStoreAppend(() => Promise.reject(new Error('conflict'))),
    ).rejects.toThrow('conflict');
    await expect(metrics.timeEventStoreAppend(async () => 'ok')).resolves.toBe('ok');
    const text = await metrics.scrape();
    expect(text).toContain(
      'saga_outcomes_total{saga_type="publish-post",step="post.complete-publication",outcome="compensated"} 1',
    );
    expect(text).toContain('eventstore_append_duration_seconds_count 3');
  });

  it('records HTTP request duration by method, route template and status', async () => {
    const metrics = freshMetrics();
    const app = fastify();
    registerHttpMetrics(app, metrics);
    app.get('/posts/:id', async () => ({}));
    await app.inject({ method: 'GET', url: '/posts/p-1' });
    await app.inject({ method: 'GET', url: '/posts/p-2' });
    await app.close();
    const text = await metrics.scrape();
    expect(text).toContain(
      'http_server_request_duration_seconds_count{method="GET",route="/posts/:id",status_code="200"} 2',
    );
  });

  it('refreshes gauges through scrape collectors, and a stuck or failing one does not block', async () => {
    const metrics = freshMetrics();
    const remove = metrics.addScrapeCollector(async () => metrics.setDeadLettersOpen('c', 3));
    metrics.addScrapeCollector(() => Promise.reject(new Error('kafka away')));
    metrics.addScrapeCollector(() => new Promise(() => undefined));
    const started = Date.now();
    expect(await metrics.scrape()).toContain('dead_letters_open{consumer="c"} 3');
    expect(Date.now() - started).toBeLessThan(2_000);
    remove();
    metrics.setDeadLettersOpen('c', 1);
    expect(await metrics.scrape()).toContain('dead_letters_open{consumer="c"} 1');
  });

  it('exposes Prometheus text with process metrics when asked to', async () => {
    const metrics = new ServiceMetrics({ registry: new Registry() });
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.scrape();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });
});
