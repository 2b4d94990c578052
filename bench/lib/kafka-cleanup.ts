import { withStackAdmin } from '@blog/testing';

/**
 * Removes the topics and consumer groups a benchmark created: the stack is shared and its
 * broker keeps whatever is left for 24 h. Names that do not exist are skipped.
 */
export async function deleteKafkaLeftovers(
  topics: readonly string[],
  groups: readonly string[] = [],
): Promise<void> {
  await withStackAdmin('bench-cleanup', async (admin) => {
    const existing = new Set(await admin.listTopics());
    const doomed = topics.filter((topic) => existing.has(topic));
    if (doomed.length > 0) await admin.deleteTopics({ topics: doomed, timeout: 30_000 });
    const known = new Set((await admin.listGroups()).groups.map((group) => group.groupId));
    const gone = groups.filter((group) => known.has(group));
    if (gone.length > 0) await admin.deleteGroups(gone);
  });
}
