import { eventually, withStackAdmin } from '@blog/testing';

/** The stack's own outbox topics (outbox.event.<aggregatetype>), not specs' or dead letters. */
const STACK_OUTBOX_TOPIC = /^outbox\.event\.[a-z]+$/;

/** How many records the stack's outbox topics have ever held (sum of high watermarks). */
export function outboxRecordCount(): Promise<number> {
  return withStackAdmin('container-tier', async (admin) => {
    const topics = (await admin.listTopics()).filter((topic) => STACK_OUTBOX_TOPIC.test(topic));
    let total = 0;
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high);
    }
    return total;
  });
}

/**
 * Until Debezium has put at least `count` more records on the outbox topics than `before`:
 * a replay re-inserts outbox rows, and each reaches Kafka as one record.
 */
export const awaitOutboxRecords = (before: number, count: number, timeoutMs = 60_000) =>
  eventually(outboxRecordCount, (now) => now >= before + count, timeoutMs);
