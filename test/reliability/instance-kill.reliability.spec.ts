import { SERVICE_NAMES, type ServiceName } from '@blog/chassis';
import { api, rowsOf, stackCommand } from '@blog/testing';
import { stackGroups, withAdmin } from './support/consumer-groups';
import { killNine, type Piece } from './support/faults';
import { awaitTerminal, reconcileSettled } from './support/reconcile';
import { SagaLoad } from './support/saga-load';

// Scale-out under the worst failure: with two instances of every service, the second
// instance of each is killed with SIGKILL in the middle of a steady saga load and a steady
// stream of reads, kept down until Kafka has handed its partitions to the survivor, then
// started again. Reads never fail (the gateway retries them on the live instance and takes
// the dead one out of rotation), every saga ends, the services agree on every one of them,
// no deadline is left or settled twice, and the takeover time is measured.

const LOAD = { seconds: 16, perSecond: 2 };
const KILL_AT_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const second = (service: ServiceName): Piece => `${service}-2`;

/** The stack's groups that have one member per instance now: those the kill will shrink. */
const groupsOfTwo = (groups: readonly string[]) =>
  withAdmin(async (admin) =>
    (await admin.describeGroups([...groups])).groups
      .filter((group) => group.state === 'Stable' && group.members.length === 2)
      .map((group) => group.groupId),
  );

/** Until every group has a single member left and is stable: the survivors took over. */
function takeoverMs(groups: readonly string[], since: number): Promise<number> {
  return withAdmin(async (admin) => {
    for (;;) {
      const { groups: described } = await admin.describeGroups([...groups]);
      const settled = described.every((g) => g.state === 'Stable' && g.members.length === 1);
      if (settled) return Date.now() - since;
      if (Date.now() - since > 60_000) {
        const states = described.map((g) => `${g.groupId} ${g.state} ${g.members.length}`);
        throw new Error(`no takeover after 60 s: ${states.join(', ')}`);
      }
      await sleep(100);
    }
  });
}

/**
 * Reads through the gateway, one at a time, while the load runs: each must answer 200.
 * Five a second, so they and the load stay within the gateway's per-address rate limit.
 */
function readWhile(paths: readonly string[], running: () => boolean) {
  const failed: string[] = [];
  let served = 0;
  const done = (async () => {
    for (let i = 0; running(); i += 1) {
      const path = paths[i % paths.length] ?? '/';
      const answer = await api('GET', path).catch((error: unknown) => ({ status: String(error) }));
      if (answer.status === 200) served += 1;
      else failed.push(`${path}: ${answer.status}`);
      await sleep(200);
    }
  })();
  return { done, failed, served: () => served };
}

/** The gateway takes its instances' URLs at start: restart it after the count changed. */
async function restartGateway(): Promise<void> {
  await stackCommand('scripts/stack.sh', ['stop', 'gateway']);
  await stackCommand('scripts/stack.sh', ['start', 'gateway']);
}

describe('SIGKILL of one instance of every service, with two of each, under load', () => {
  let load: SagaLoad;

  beforeAll(async () => {
    await stackCommand('scripts/stack.sh', ['up', '--instances', '2'], 300_000);
    await restartGateway();
    load = await SagaLoad.prepare();
  }, 400_000);

  afterAll(async () => {
    await stackCommand('scripts/stack.sh', ['up'], 300_000);
    await restartGateway();
  }, 400_000);

  it('reads never fail, every saga ends, all services agree, and the survivors take over', async () => {
    const groups = await groupsOfTwo(await stackGroups());
    let loading = true;
    const reads = readWhile(
      [`/api/blogs/${load.blogId}`, '/api/stats/popular', '/.well-known/jwks.json'],
      () => loading,
    );
    let takeover = Number.NaN;
    const result = await load.run({
      ...LOAD,
      during: async () => {
        await sleep(KILL_AT_MS);
        const killedAt = Date.now();
        // All at once, as a machine dies: one after another, each wait for the process
        // to be gone would add to the takeover measured from the first kill.
        await Promise.all(SERVICE_NAMES.map((service) => killNine(second(service))));
        takeover = await takeoverMs(groups, killedAt);
        for (const service of SERVICE_NAMES) {
          await stackCommand('scripts/stack.sh', ['start', second(service)]);
        }
      },
    });
    loading = false;
    await reads.done;

    // A write sent to the instance in the moment it died is refused (503), never retried.
    const unexpected = result.refused.filter((refusal) => !/ 503$/.test(refusal));
    expect(unexpected).toEqual([]);
    await awaitTerminal(result, 120_000);
    const report = await reconcileSettled(result, load.subscriberId, 120_000);
    const sagaIds = [
      ...result.signUps.map((signUp) => signUp.sagaId),
      ...result.publications.map((publication) => publication.sagaId),
    ];
    const deadlines = (
      await Promise.all(
        SERVICE_NAMES.filter((service) => service !== 'gateway').map((service) =>
          rowsOf<{ pending: number; both: number }>(
            service,
            `SELECT count(*) FILTER (WHERE fired_at IS NULL AND cancelled_at IS NULL)::int AS pending,
                    count(*) FILTER (WHERE fired_at IS NOT NULL AND cancelled_at IS NOT NULL)::int AS both
               FROM saga_deadlines WHERE saga_id = ANY($1)`,
            [sagaIds],
          ),
        ),
      )
    ).flat();
    process.stdout.write(
      `instance kill: takeover ${takeover} ms for ${groups.length} groups, ${reads.served()} reads served, ` +
        `${result.refused.length} writes refused, ${JSON.stringify(report)}\n`,
    );
    expect(reads.failed).toEqual([]);
    expect(reads.served()).toBeGreaterThan(50);
    expect(report.problems).toEqual([]);
    expect(deadlines.every((row) => row.pending === 0 && row.both === 0)).toBe(true);
    expect(groups.length).toBeGreaterThan(10);
    expect(takeover).toBeGreaterThan(0);
  }, 400_000);
});
