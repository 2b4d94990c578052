import { SERVICE_NAMES } from '@blog/chassis';
import { stackCommand, withStackAdmin } from '@blog/testing';
import type { Admin } from 'kafkajs';

/** The stack's own consumer groups: every one is named after the database it feeds. */
const DATABASE_SUFFIXES = SERVICE_NAMES.map((service) => `.blog_${service}`);

/** An admin client of the stack's broker for `work`, disconnected after. */
export const withAdmin = <T>(work: (admin: Admin) => Promise<T>) =>
  withStackAdmin('reliability-admin', work);

export const stackGroups = () =>
  withAdmin(async (admin) =>
    (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((id) => DATABASE_SUFFIXES.some((suffix) => id.endsWith(suffix))),
  );

/**
 * Rewinds the groups to the start of every topic they read, with Kafka's own
 * kafka-consumer-groups tool (kafkajs' setOffsets joins each group with a consumer of its
 * own, one rebalance per topic). Their consumers must be stopped.
 */
export async function rewindToEarliest(groups: readonly string[]): Promise<void> {
  const named = groups.flatMap((group) => ['--group', group]);
  await stackCommand('infra/local/infra.sh', [
    'kafka',
    'consumer-groups',
    '--reset-offsets',
    '--to-earliest',
    '--all-topics',
    '--execute',
    ...named,
  ]);
}

/** Messages the groups have not committed yet, summed over their partitions. */
export const totalLag = (groups: readonly string[]) =>
  withAdmin(async (admin) => {
    let lag = 0;
    for (const groupId of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const ends = new Map(
          (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]),
        );
        for (const { partition, offset } of partitions) {
          const committed = Number(offset) < 0 ? 0 : Number(offset);
          lag += Math.max(0, (ends.get(partition) ?? 0) - committed);
        }
      }
    }
    return lag;
  });

/**
 * Waits until every stack consumer group has committed everything published so far: the
 * participants' compensations included, so a reconciliation reads settled state.
 */
export async function awaitConsumersCaughtUp(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = 'never read';
  for (;;) {
    // Right after a broker restart the coordinator may still be loading: ask again.
    const lag = await stackGroups()
      .then(totalLag)
      .catch((error: unknown) => error);
    if (lag === 0) break;
    last = lag;
    if (Date.now() > deadline)
      throw new Error(`consumer lag ${String(last)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Lag counts commits; the last batch's own transaction commits just before its offset.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
