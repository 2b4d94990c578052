import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { MetricsModule } from './metrics.module';
import { ServiceMetrics } from './service-metrics';

describe('MetricsController', () => {
  let app: NestFastifyApplication;
  const metrics = new ServiceMetrics({ registry: new Registry(), defaultMetrics: false });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [MetricsModule.forRoot(metrics)],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('serves the registry as Prometheus text at GET /metrics', async () => {
    metrics.countConsumerOutcome('post', 'duplicate');
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(metrics.contentType);
    expect(response.body).toContain(
      'consumer_messages_total{consumer="post",outcome="duplicate"} 1',
    );
  });

  it('makes the same ServiceMetrics injectable', () => {
    expect(app.get(ServiceMetrics)).toBe(metrics);
  });
});
