import { createServiceApp } from '@blog/chassis';
import { createTestDatabase, STACK, type TestDatabase } from '@blog/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { authService } from '../../apps/auth/src/main';
import { SERVICE_DEFINITIONS } from '../support/service-definitions';

// Each service is booted in-process on its own fresh database, so taking that database
// down touches nothing else on the shared stack.
// auth reads its own settings (the signing key) from the process environment.
process.env['AUTH_SIGNING_KEY_FILE'] ??= STACK.authSigningKeyFile;
const env = (databaseUrl: string) => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'error',
  // A fresh database's consumer groups start at the beginning of every topic: until they
  // catch up, their lag is the stack's whole history and readiness would say `degraded`.
  CONSUMER_MAX_LAG: '1000000',
});

async function getJson(app: NestFastifyApplication, url: string) {
  const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

describe.each(SERVICE_DEFINITIONS.map((definition) => [definition.service, definition] as const))(
  '%s health',
  (service, definition) => {
    let database: TestDatabase;
    let app: NestFastifyApplication;

    beforeAll(async () => {
      database = await createTestDatabase(service);
      ({ app } = await createServiceApp(definition, env(database.url)));
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });
    afterAll(async () => {
      await app?.close();
      await database?.drop();
    });

    it('is live and ready (database and Kafka up) on the running stack', async () => {
      expect(await getJson(app, '/health/live')).toMatchObject({
        status: 200,
        body: { status: 'ok' },
      });
      const ready = await getJson(app, '/health/ready');
      expect(ready).toMatchObject({
        status: 200,
        body: { status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } } },
      });
    });

    it('turns readiness 503 naming the database while it is down, and 200 when it returns', async () => {
      await database.takeOffline();
      const down = await getJson(app, '/health/ready');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      expect(down.body['error']).not.toHaveProperty('kafka');
      expect(await getJson(app, '/health/live')).toMatchObject({ status: 200 });

      await database.bringOnline();
      const back = await getJson(app, '/health/ready');
      expect(back).toMatchObject({ status: 200, body: { status: 'ok' } });
    });
  },
);

it('service migrations create the outbox exactly as DESIGN.md lists it, and its publication', async () => {
  const database = await createTestDatabase('schema');
  const { app } = await createServiceApp(authService, env(database.url));
  try {
    await app.init();
    const source = app.get((await import('typeorm')).DataSource);
    const columns = (await source.query(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_name = 'outbox' ORDER BY ordinal_position`,
    )) as { column_name: string; data_type: string }[];
    expect(columns.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
      'seq:bigint',
      'id:uuid',
      'aggregatetype:text',
      'aggregateid:text',
      'type:text',
      'payload:jsonb',
      'correlation_id:text',
      'causation_id:text',
      'saga_id:text',
      'traceparent:text',
      'occurred_at:timestamp with time zone',
      'schema_version:integer',
    ]);
    const published = (await source.query(
      `SELECT tablename FROM pg_publication_tables WHERE pubname = 'dbz_outbox' ORDER BY tablename`,
    )) as { tablename: string }[];
    expect(published.map((t) => t.tablename)).toEqual(['debezium_heartbeat', 'outbox']);
  } finally {
    await app.close();
    await database.drop();
  }
});
