import { InvalidConfigError, loadServiceConfig } from './service-config';

describe('loadServiceConfig', () => {
  it('defaults every key to the local stack', () => {
    expect(loadServiceConfig('post', {})).toMatchObject({
      SERVICE_NAME: 'post',
      HOST: '127.0.0.1',
      PORT: 3004,
      DATABASE_URL: 'postgres://blog@127.0.0.1:54329/blog_post',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
    });
  });

  it('parses lists and numbers from the environment', () => {
    const config = loadServiceConfig('auth', { PORT: '4100', KAFKA_BROKERS: 'k1:9092, k2:9093' });
    expect(config.PORT).toBe(4100);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9093']);
  });

  it('names every bad key in one error', () => {
    const load = () =>
      loadServiceConfig('blog', {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
      });
    expect(load).toThrow(InvalidConfigError);
    expect(load).toThrow(/service "blog"[\s\S]*PORT[\s\S]*DATABASE_URL[\s\S]*KAFKA_BROKERS/);
  });

  it('refuses a config meant for another service', () => {
    expect(() => loadServiceConfig('user', { SERVICE_NAME: 'auth' })).toThrow(/SERVICE_NAME/);
  });
});
