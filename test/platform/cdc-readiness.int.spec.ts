import { createServer, type Server, connect } from 'node:net';
import { createServiceApp } from '@blog/chassis';
import { createTestDatabase, STACK, type TestDatabase } from '@blog/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { userService } from '../../apps/user/src/main';

// /health/ready of a service with a connector reports CDC (connector state, slot lag) and
// consumer lag. The user service is booted in-process on a fresh database; CDC problems are
// made by pointing its checks elsewhere, never by pausing the shared stack's connectors.

interface Ready {
  status: number;
  body: {
    status: string;
    info: Record<string, Record<string, unknown>>;
    error: Record<string, unknown>;
  };
}

async function ready(app: NestFastifyApplication): Promise<Ready> {
  const started = Date.now();
  const response = await app
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'GET', url: '/health/ready' });
  // Probes run every few seconds: each check is bounded to about a second.
  expect(Date.now() - started).toBeLessThan(3_000);
  return { status: response.statusCode, body: response.json() as Ready['body'] };
}

async function until(app: NestFastifyApplication, check: (r: Ready) => boolean): Promise<Ready> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await ready(app);
    if (check(result) || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function boot(database: TestDatabase, env: Record<string, string>) {
  const { app } = await createServiceApp(userService, {
    ...process.env,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'error',
    ...env,
  });
  await app.startAllMicroservices();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** A loopback port nothing listens on (until the spec starts its proxy there). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Forwards a port to the real Kafka Connect: "Connect is back" without touching it. */
async function proxyToConnect(port: number): Promise<Server> {
  const target = new URL(STACK.connectUrl);
  const server = createServer((socket) => {
    const upstream = connect(Number(target.port), target.hostname);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

describe('readiness reports CDC and consumer lag', () => {
  let database: TestDatabase;
  const apps: NestFastifyApplication[] = [];
  let proxy: Server | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('cdc_ready');
  });
  afterAll(async () => {
    proxy?.close();
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it("reports the real connector's state, the slot's lag and every consumer group's lag", async () => {
    const app = await boot(database, {});
    apps.push(app);
    // A fresh database's consumer groups start from the beginning of each topic.
    const result = await until(app, (r) => r.body.status === 'ok');
    expect(result).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(result.body.info['cdc']).toMatchObject({
      status: 'up',
      connector: 'outbox-user',
      state: 'RUNNING',
      slot: 'outbox_user',
      slotDatabase: 'blog_user',
      slotActive: true,
      slotLagBytes: expect.any(Number),
      slotRetainedBytes: expect.any(Number),
    });
    expect(result.body.info['consumers']).toMatchObject({
      status: 'up',
      maxLag: 1_000,
      lag: { 'user.sign-up': expect.any(Number), 'user.close-account': expect.any(Number) },
    });
  });

  it('stays 200 but turns degraded naming cdc while Connect is unreachable, and ok when it is back', async () => {
    const port = await freePort();
    const app = await boot(database, { CONNECT_URL: `http://127.0.0.1:${port}` });
    apps.push(app);

    const away = await ready(app);
    expect(away).toMatchObject({
      status: 200,
      body: {
        status: 'degraded',
        info: {
          database: { status: 'up' },
          kafka: { status: 'up' },
          cdc: {
            status: 'degraded',
            state: 'UNREACHABLE',
            problems: ['connector outbox-user is UNREACHABLE'],
          },
        },
        error: {},
      },
    });

    proxy = await proxyToConnect(port);
    const back = await until(app, (r) => r.body.status === 'ok');
    expect(back).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { cdc: { status: 'up', state: 'RUNNING' } } },
    });
  });

  it('names a connector that is not registered and a slot that does not exist', async () => {
    const app = await boot(database, {
      CDC_CONNECTOR: 'outbox-not-registered',
      CDC_SLOT: 'outbox_not_registered',
    });
    apps.push(app);
    const result = await ready(app);
    expect(result.status).toBe(200);
    expect(result.body.info['cdc']).toMatchObject({
      status: 'degraded',
      state: 'NOT_REGISTERED',
      problems: [
        'connector outbox-not-registered is NOT_REGISTERED',
        'slot outbox_not_registered does not exist',
      ],
    });
  });
});
