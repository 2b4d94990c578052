import { SERVICE_PORTS } from '@blog/chassis';
import { api, newPerson, rowsOf, signUp, stackCommand } from '@blog/testing';
import { awaitTerminal, reconcileSettled } from './support/reconcile';
import { SagaLoad } from './support/saga-load';

// Postgres (the local stack's one server, so every service's database at once) stopped
// and started again under a steady load of sagas. While it is away, commands are refused
// at once with 503 and a code, never left hanging or half-written; once it is back,
// everything resumes on its own: pools reconnect, Debezium resumes its slots, and the
// sagas accepted before the outage end as if nothing had happened.

const DOWN_AT_MS = 3_000;
const DOWN_FOR_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Postgres restarted under load', () => {
  it('refuses commands with 503 at once while it is down, writes nothing by halves, and recovers with no manual step', async () => {
    const load = await SagaLoad.prepare();
    const probes: { status: number; code: unknown; ms: number }[] = [];
    const result = await load.run({
      seconds: 14,
      perSecond: 2,
      during: async () => {
        await sleep(DOWN_AT_MS);
        await stackCommand('infra/local/infra.sh', ['stop', 'postgres']);
        const until = Date.now() + DOWN_FOR_MS;
        while (Date.now() < until) {
          const started = Date.now();
          const refused = await api<{ code: string }>('POST', '/api/blogs', {
            token: load.authorToken,
            body: { title: 'During the outage' },
          });
          probes.push({
            status: refused.status,
            code: refused.body?.code,
            ms: Date.now() - started,
          });
          await sleep(250);
        }
        await stackCommand('infra/local/infra.sh', ['up']);
      },
    });

    expect(probes.length).toBeGreaterThan(0);
    // The service says why; after a few of those the gateway's breaker answers for it.
    expect(probes.some((probe) => probe.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    for (const probe of probes) {
      expect(probe.status).toBe(503);
      expect(['DATABASE_UNAVAILABLE', 'CIRCUIT_OPEN']).toContain(probe.code);
      // Fail fast: refused at once, not after a client-side timeout.
      expect(probe.ms).toBeLessThan(3_000);
    }
    // The load's commands sent during the outage were refused the same way, and only those.
    expect(result.refused.every((refusal) => / 503$/.test(refusal))).toBe(true);

    await stackCommand('infra/local/infra.sh', ['wait-connectors']);
    await awaitTerminal(result, 120_000);
    const report = await reconcileSettled(result, load.subscriberId, 120_000);
    process.stdout.write(
      `postgres restart: ${result.refused.length} refused, ${JSON.stringify(report)}\n`,
    );
    expect(report.problems).toEqual([]);

    // Nothing by halves: every post's read model is at the version its events reached.
    const drift = await rowsOf<{ post_id: string }>(
      'post',
      `SELECT p.post_id FROM posts p
        WHERE p.blog_id = $1
          AND p.version <> (SELECT count(*) FROM events e WHERE e.stream_id = 'post-' || p.post_id)`,
      [load.blogId],
    );
    expect(drift).toEqual([]);
    const blogsDuringOutage = await rowsOf('blog', `SELECT 1 FROM blogs WHERE title = $1`, [
      'During the outage',
    ]);
    expect(blogsDuringOutage).toEqual([]);

    // No service died of it (an unhandled pg client error ends a Node process).
    for (const port of Object.values(SERVICE_PORTS)) {
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    }
    // And the next saga simply works.
    expect((await signUp(newPerson())).status).toBe('ACTIVE');
  }, 300_000);
});
