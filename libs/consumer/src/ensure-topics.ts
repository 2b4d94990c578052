import type { Admin } from 'kafkajs';

const READY_WAIT_MS = 30_000;

/**
 * Creates the topics if missing and resolves once every partition's leader serves it, so a
 * consumer can subscribe, and a producer write, before anything else touched them.
 *
 * kafkajs's own `waitForLeaders` is not used: it retries only LEADER_NOT_AVAILABLE, and a
 * fresh KRaft broker can answer the metadata request right after creation with
 * UNKNOWN_TOPIC_OR_PARTITION, which it then throws (a cold `stack.sh up` lost the user
 * service to it). It also returns at once when a sibling service created the topic a
 * moment earlier (TOPIC_ALREADY_EXISTS). So this polls the partitions itself in both cases.
 */
export async function ensureTopics(
  admin: Admin,
  topics: readonly string[],
  numPartitions: number,
): Promise<void> {
  await admin.createTopics({
    waitForLeaders: false,
    topics: topics.map((topic) => ({ topic, numPartitions })),
  });
  const deadline = Date.now() + READY_WAIT_MS;
  while (!(await allServed(admin, topics))) {
    if (Date.now() > deadline) {
      throw new Error(`Kafka topics not served after ${READY_WAIT_MS} ms: ${topics.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Listed leaders are not enough: a just-created partition can have one in the metadata a
 * moment before that broker serves it, and a produce then fails for some partitions of a
 * request, which kafkajs retries whole, writing the others twice. A partition's leader
 * answering for its offsets is what "ready" means to producers and consumers.
 */
async function allServed(admin: Admin, topics: readonly string[]): Promise<boolean> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
    const led = metadata.topics.every(
      (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
    );
    if (!led) return false;
    await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
    return true;
  } catch {
    return false;
  }
}
