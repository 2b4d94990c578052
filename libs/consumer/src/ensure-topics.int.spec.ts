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

  it('lets a producer write to every partition as soon as it resolves', async () => {
    const topic = uniqueName('ensure-produce');
    await ensureTopics(admin, [topic], 3);
    const producer = kafka.producer();
    await producer.connect();
    try {
      const acks = await producer.send({
        topic,
        messages: [0, 1, 2].map((partition) => ({ partition, value: `p${partition}` })),
      });
      expect(acks.map((ack) => ack.partition).sort()).toEqual([0, 1, 2]);
    } finally {
      await producer.disconnect();
    }
  });
});
