import type { Kafka } from 'kafkajs';

const isDeadLetterTopic = (topic: string) => topic.endsWith('.dlq');

/** The topics the monitor reads: every one matching the pattern, never a dead-letter topic. */
export async function discoverOutboxTopics(kafka: Kafka, pattern: RegExp): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    return topics.filter((topic) => pattern.test(topic) && !isDeadLetterTopic(topic)).sort();
  } finally {
    await admin.disconnect();
  }
}

export const sameTopics = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((topic, i) => topic === b[i]);
