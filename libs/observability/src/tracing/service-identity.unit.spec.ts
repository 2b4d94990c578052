import { serviceIdentityFromEnv } from './service-identity';

describe('serviceIdentityFromEnv', () => {
  it('prefers SERVICE_NAME and SERVICE_VERSION', () => {
    expect(
      serviceIdentityFromEnv(
        { SERVICE_NAME: 'auth', SERVICE_VERSION: '2.0.0' },
        '/srv/dist/apps/post/src/main.js',
      ),
    ).toEqual({ serviceName: 'auth', serviceVersion: '2.0.0' });
  });

  it('names a preloaded service after the app folder of its entry script', () => {
    expect(
      serviceIdentityFromEnv({ npm_package_version: '0.1.0' }, '/srv/dist/apps/post/src/main.js'),
    ).toEqual({ serviceName: 'post', serviceVersion: '0.1.0' });
  });

  it("falls back to OpenTelemetry's unknown service name", () => {
    expect(serviceIdentityFromEnv({}, undefined)).toEqual({
      serviceName: 'unknown_service:node',
      serviceVersion: '0.0.0',
    });
  });
});
