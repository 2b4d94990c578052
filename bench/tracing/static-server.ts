/**
 * A Fastify route with no work behind it (a small constant JSON object), for
 * tracing-cost.bench.ts: whatever a request costs above the untraced server is tracing.
 * Started with PORT, with or without the tracing preload.
 */
import Fastify from 'fastify';

const fastify = Fastify();
fastify.get('/static', async () => ({ ok: true, items: [1, 2, 3] }));
fastify.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' }).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
