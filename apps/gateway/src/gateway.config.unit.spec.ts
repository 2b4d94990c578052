import { InvalidConfigError } from '@blog/chassis';
import { loadGatewayConfig } from './gateway.config';

describe('loadGatewayConfig', () => {
  it('defaults to the local stack and the documented limits', () => {
    const config = loadGatewayConfig({});
    expect(config.upstreams).toEqual({
      auth: ['http://127.0.0.1:3001'],
      user: ['http://127.0.0.1:3002'],
      blog: ['http://127.0.0.1:3003'],
      post: ['http://127.0.0.1:3004'],
      visitor: ['http://127.0.0.1:3005'],
      subscribe: ['http://127.0.0.1:3006'],
    });
    expect(config).toMatchObject({
      UPSTREAM_TIMEOUT_MS: 5_000,
      BREAKER_ERROR_PERCENT: 50,
      BREAKER_VOLUME_THRESHOLD: 10,
      BREAKER_RESET_MS: 5_000,
      RATE_LIMIT_MAX: 600,
      AUTH_RATE_LIMIT_MAX: 20,
      SAGA_MONITOR_ENABLED: true,
    });
    // The contracts' topics, and no other outbox on the same Kafka.
    expect(config.SAGA_MONITOR_TOPICS).toEqual([
      'outbox.event.account',
      'outbox.event.blog',
      'outbox.event.post',
      'outbox.event.profile',
      'outbox.event.subscription',
      'outbox.event.visitor',
    ]);
  });

  it('takes several instances of an upstream as a comma-separated list of origins', () => {
    const config = loadGatewayConfig({
      POST_URL: 'http://127.0.0.1:3004, http://127.0.0.1:3014/,http://127.0.0.1:3004',
    });
    expect(config.upstreams.post).toEqual(['http://127.0.0.1:3004', 'http://127.0.0.1:3014']);
    expect(() => loadGatewayConfig({ POST_URL: 'http://127.0.0.1:3004,' })).toThrow(/POST_URL/);
  });

  it('parses numbers and URLs, trimming a trailing slash', () => {
    const config = loadGatewayConfig({ USER_URL: 'http://user:8080/', RATE_LIMIT_MAX: '5' });
    expect(config.upstreams.user).toEqual(['http://user:8080']);
    expect(config.RATE_LIMIT_MAX).toBe(5);
  });

  it('names every bad key in one error', () => {
    const load = () =>
      loadGatewayConfig({
        POST_URL: 'ftp://post',
        UPSTREAM_TIMEOUT_MS: 'soon',
        SAGA_MONITOR_TOPICS: 'outbox.event.a,,outbox.event.b',
        SAGA_MONITOR_ENABLED: 'yes',
      });
    expect(load).toThrow(InvalidConfigError);
    expect(load).toThrow(
      /POST_URL[\s\S]*UPSTREAM_TIMEOUT_MS[\s\S]*SAGA_MONITOR_ENABLED[\s\S]*SAGA_MONITOR_TOPICS/,
    );
  });
});
