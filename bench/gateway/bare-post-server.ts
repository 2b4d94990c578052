/**
 * Bare Fastify serving the post service's GET /posts/:id (bare-post-route.ts), for the
 * NestJS-on-Fastify comparison. Started by gateway.bench.ts with PORT and DATABASE_URL, with
 * the tracing preload when the stack's post service has it. BARE_HOOKS=chassis adds the
 * chassis's per-request hooks (ECS access log, HTTP metrics) that every service registers
 * on its Fastify instance, so Nest's own share can be told from theirs.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { registerPostRoute } from './bare-post-route';

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env['DATABASE_URL'],
    // What the services' DATABASE_POOL_SIZE defaults to.
    max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10),
  });
  const chassis = process.env['BARE_HOOKS'] === 'chassis';
  const fastify = Fastify({
    bodyLimit: 65_536,
    // The chassis gives every request a fresh UUID (unless the caller sent a plain one).
    ...(chassis ? { requestIdHeader: false as const, genReqId: () => randomUUID() } : {}),
  });
  if (chassis) {
    // Loaded only here: @blog/observability's entry pulls in Nest.
    const { createLogger, metrics, registerAccessLog, registerHttpMetrics } =
      await import('@blog/observability');
    registerAccessLog(fastify, createLogger('post', 'bench'));
    registerHttpMetrics(fastify, metrics);
  }
  fastify.get('/health/live', async () => ({ status: 'ok' }));
  registerPostRoute(fastify, pool);
  await fastify.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
  process.once('SIGTERM', () => {
    void fastify.close().then(() => pool.end());
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bare post server failed: ${String(error)}\n`);
  process.exit(1);
});
