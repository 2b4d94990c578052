import type { Admin } from 'kafkajs';

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/** Records produced but not yet committed by the group: high watermark minus committed offset. */
export async function consumerLag(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<{ total: number; partitions: PartitionLag[] }> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const partitions: PartitionLag[] = [];
  for (const { topic, partitions: offsets } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const done = offsets.find((o) => o.partition === end.partition)?.offset ?? '-1';
      const start = Number(end.low);
      const from = Number(done) < 0 ? start : Number(done);
      partitions.push({
        topic,
        partition: end.partition,
        lag: Math.max(0, Number(end.high) - from),
      });
    }
  }
  return { total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
}
