import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { withStackAdmin } from '@blog/testing';
import type { Admin } from 'kafkajs';

// dist/bench/footprint → the repository root (testing's stackCommand resolves inside dist/).
const INFRA = resolve(__dirname, '../../../infra/local/infra.sh');
const run = promisify(execFile);

const withAdmin = <T>(work: (admin: Admin) => Promise<T>) =>
  withStackAdmin('bench-footprint', work);

/**
 * Consumer groups follow the database (`<consumer>.<database>`), so an instance on a
 * throwaway database gets groups of its own and never takes the stack's partitions. Left
 * alone, those new groups would start from the beginning of every topic and re-apply the
 * stack's history into the throwaway database. So, before it starts, each of them is given
 * the stack group's topics at their current end: the instance starts where a restarted
 * service would, with nothing to catch up. Kafka's own kafka-consumer-groups tool does it:
 * kafkajs' setOffsets joins the group with a consumer per call, and several calls for one
 * group kept rebalancing each other until the benchmark hung.
 */
export async function presetGroupsAtEnd(
  stackDatabase: string,
  database: string,
): Promise<string[]> {
  const suffix = `.${stackDatabase}`;
  const subscriptions = await withAdmin(async (admin) => {
    const stackGroups = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((id) => id.endsWith(suffix));
    return Promise.all(
      stackGroups.map(async (stackGroup) => ({
        groupId: `${stackGroup.slice(0, -suffix.length)}.${database}`,
        topics: (await admin.fetchOffsets({ groupId: stackGroup })).map(({ topic }) => topic),
      })),
    );
  });
  for (const { groupId, topics } of subscriptions) {
    if (topics.length === 0) continue;
    await run(
      'bash',
      [
        INFRA,
        'kafka',
        'consumer-groups',
        '--reset-offsets',
        '--to-latest',
        '--execute',
        '--group',
        groupId,
        ...topics.flatMap((topic) => ['--topic', topic]),
      ],
      { timeout: 120_000 },
    );
  }
  return subscriptions.map((s) => s.groupId);
}

/**
 * Deletes groups once they are empty. An instance stopped with SIGKILL leaves its member
 * registered until the session times out (30 s in kafkajs), so this waits up to `waitMs`.
 */
export function deleteGroupsWhenEmpty(
  groups: readonly string[],
  waitMs = 60_000,
): Promise<string[]> {
  return withAdmin(async (admin) => {
    const deadline = Date.now() + waitMs;
    let left = [...groups];
    while (left.length > 0 && Date.now() < deadline) {
      const { groups: described } = await admin.describeGroups(left);
      const empty = described.filter((g) => g.state === 'Empty' || g.state === 'Dead');
      const deletable = empty.map((g) => g.groupId);
      if (deletable.length > 0) await admin.deleteGroups(deletable).catch(() => undefined);
      left = left.filter((id) => !deletable.includes(id));
      if (left.length > 0) await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
    }
    return left;
  });
}
