import Fastify, { type FastifyInstance } from 'fastify';
import { registerLoadShedding } from './load-shedding.hook';

// A real listening server (not inject): the count is released on the socket's close.
describe('gateway load shedding', () => {
  let app: FastifyInstance;
  let url: string;
  let release: () => void = () => undefined;
  const gate = () =>
    new Promise<void>((resolve) => {
      release = resolve;
    });

  beforeAll(async () => {
    app = Fastify();
    registerLoadShedding(app, 3);
    let held: Promise<void> = Promise.resolve();
    app.get('/slow', async () => {
      await held;
      return { ok: true };
    });
    app.get('/health/ready', async () => ({ status: 'ok' }));
    app.addHook('onReady', async () => {
      held = gate();
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('answers 503 OVERLOADED at once past the limit, passes probes, and serves again after', async () => {
    const held = [1, 2, 3].map(() => fetch(`${url}/slow`));
    await new Promise((resolve) => setTimeout(resolve, 100));

    const shed = await fetch(`${url}/slow`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await shed.json()).toMatchObject({ code: 'OVERLOADED' });
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);

    release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await fetch(`${url}/slow`)).status).toBe(200);
  });
});
