import { stackKafka, uniqueName } from '@blog/testing';
import type { Admin } from 'kafkajs';
import { ensureTopics } from './ensure-topics';

// Against the stack's real broker: what a consumer relies on before it subscribes.

const kafka = stackKafka('ensure-topics-spec');
let admin: Admin;

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.disconnect();
});

async function partitionLeaders(topics: string[]): Promise<number[]> {
  const metadata = await admin.fetchTopicMetadata({ topics });
  return metadata.topics.flatMap((topic) => topic.partitions.map((p) => p.leader));
}

describe('ensureTopics', () => {
  it('resolves only once every partition of every new topic has a leader', async () => {
    const topics = [uniqueName('ensure-a'), uniqueName('ensure-b')];
    await ensureTopics(admin, topics, 3);
    const leaders = await partitionLeaders(topics);
    expect(leaders).toHaveLength(6);
    expect(leaders.every((leader) => leader >= 0)).toBe(true);
  });

  it('resolves for topics a sibling already created, keeping their partitions', async () => {
    const topic = uniqueName('ensure-existing');
    await ensureTopics(admin, [topic], 3);
    await ensureTopics(admin, [topic], 5);
    expect(await partitionLeaders([topic])).toHaveLength(3);
  });

  it('lets a producer write to every partition once as soon as it resolves', async () => {
    // A partition listed with a leader before its broker serves it fails part of a produce
    // request, and kafkajs retries the whole request: the other records land twice. Five
    // fresh topics make that race show: with leaders alone as the test, 3 runs in 3 failed.
    const producer = kafka.producer();
    await producer.connect();
    try {
      for (let round = 0; round < 5; round += 1) {
        const topic = uniqueName('ensure-produce');
        await ensureTopics(admin, [topic], 3);
        await producer.send({
          topic,
          acks: -1,
          messages: [0, 1, 2].map((partition) => ({ partition, value: `p${partition}` })),
        });
        const ends = await admin.fetchTopicOffsets(topic);
        expect(ends.map((end) => Number(end.high))).toEqual([1, 1, 1]);
      }
    } finally {
      await producer.disconnect();
    }
  });
});
