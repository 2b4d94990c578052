import fastify from 'fastify';
import { createLogger, type LogLevelName } from '../logging/create-logger';
import { capturedLines } from '../testing/captured-lines';
import { registerAccessLog } from './access-log.hook';

async function appLoggingAt(level: LogLevelName) {
  const output = capturedLines();
  const app = fastify();
  registerAccessLog(app, createLogger('post', '1.0.0', { stream: output.stream, level }));
  app.get('/posts/:id', async () => ({ title: 'hello' }));
  app.post('/posts', async (_request, reply) => reply.code(500).send({ code: 'POST.BROKEN' }));
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/metrics', async () => '');
  await app.ready();
  return { app, output };
}

describe('registerAccessLog', () => {
  it('logs method, route template, status, duration and request id, never headers', async () => {
    const { app, output } = await appLoggingAt('info');
    await app.inject({
      method: 'GET',
      url: '/posts/p-42?token=secret-in-query',
      headers: { authorization: 'Bearer abcdefghijklmnop', cookie: 'sid=1' },
    });
    const [line] = await output.lines();
    expect(line).toMatchObject({
      'log.level': 'info',
      'event.dataset': 'post.access',
      'http.request.method': 'GET',
      'http.route': '/posts/:id',
      'http.response.status_code': 200,
      'url.path': '/posts/p-42',
    });
    expect(line?.['message']).toMatch(/^GET \/posts\/:id 200 \d+\.\dms$/);
    expect(line?.['http.request.id']).toEqual(expect.any(String));
    expect(line?.['event.duration']).toEqual(expect.any(Number));
    const raw = JSON.stringify(line);
    expect(raw).not.toMatch(/authorization|cookie|abcdefghijklmnop|secret-in-query|hello/i);
    await app.close();
  });

  it('raises server errors to warn and names unmatched routes without the raw path', async () => {
    const { app, output } = await appLoggingAt('info');
    await app.inject({ method: 'POST', url: '/posts', payload: { title: 'x' } });
    await app.inject({ method: 'GET', url: '/no/such/route/u-1' });
    const [failed, unmatched] = await output.lines();
    expect(failed).toMatchObject({ 'log.level': 'warn', 'http.response.status_code': 500 });
    expect(unmatched).toMatchObject({
      'http.route': '(unmatched)',
      'http.response.status_code': 404,
    });
    await app.close();
  });

  it('logs health and metrics probes at debug only', async () => {
    const quiet = await appLoggingAt('info');
    await quiet.app.inject({ method: 'GET', url: '/health/live' });
    await quiet.app.inject({ method: 'GET', url: '/metrics' });
    expect(await quiet.output.lines()).toEqual([]);
    await quiet.app.close();

    const verbose = await appLoggingAt('debug');
    await verbose.app.inject({ method: 'GET', url: '/health/live' });
    const [line] = await verbose.output.lines();
    expect(line).toMatchObject({ 'log.level': 'debug', 'http.route': '/health/live' });
    await verbose.app.close();
  });
});
