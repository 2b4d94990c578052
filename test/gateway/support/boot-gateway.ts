import { createServiceApp } from '@blog/chassis';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { gatewayService } from '../../../apps/gateway/src/main';

export interface RunningGateway {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/**
 * Boots the gateway in-process on its own fresh database and a free loopback port. The
 * gateway's own keys are read from process.env (see gateway-config.module.ts), so they
 * are set for the boot and restored right after.
 */
export async function bootGateway(env: Record<string, string>): Promise<RunningGateway> {
  const database = await createTestDatabase('gateway');
  const full = {
    SAGA_MONITOR_ENABLED: 'false',
    LOG_LEVEL: 'error',
    ...env,
    DATABASE_URL: database.url,
  };
  const saved = Object.fromEntries(Object.keys(full).map((key) => [key, process.env[key]]));
  Object.assign(process.env, full);
  let app: NestFastifyApplication;
  try {
    ({ app } = await createServiceApp(gatewayService, { ...process.env }));
    await app.startAllMicroservices();
    await app.listen({ port: 0, host: '127.0.0.1' });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
