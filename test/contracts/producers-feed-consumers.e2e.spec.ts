import { randomUUID } from 'node:crypto';
import { type ConsumerDefinition, createServiceApp } from '@blog/chassis';
import { decodeEnvelope } from '@blog/consumer';
import {
  AccountMessages,
  BlogMessages,
  PostMessages,
  ProfileMessages,
  SubscriptionMessages,
  VisitorMessages,
} from '@blog/contracts';
import {
  bearer,
  client,
  createTestDatabase,
  eventually,
  logIn,
  newPerson,
  produceRecords,
  type ReceivedRecord,
  signUp,
  STACK,
  type TestDatabase,
  TopicRecorder,
} from '@blog/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { authService } from '../../apps/auth/src/main';
import { blogService } from '../../apps/blog/src/main';
import { postService } from '../../apps/post/src/main';
import { subscribeService } from '../../apps/subscribe/src/main';
import { userService } from '../../apps/user/src/main';
import { visitorService } from '../../apps/visitor/src/main';

// STYLE.md rule 3: a producer's real output, fed to its consumers. The running services
// do the four sagas through the gateway; every record Debezium put on Kafka for them is
// checked against the envelope parser and against the schema of every consumer handler,
// in every service, that would receive it. The consumers are the services' own
// definitions (their modules built in-process, never started).

const TOPICS = [
  AccountMessages.AccountRegistered.topic,
  BlogMessages.BlogCreated.topic,
  PostMessages.PostPublished.topic,
  ProfileMessages.ProfileCreated.topic,
  SubscriptionMessages.BlogSubscriptionsClosed.topic,
  VisitorMessages.AccountVisitsAnonymised.topic,
];

/**
 * Consumed types this spec cannot make a real producer emit through the API: deadlines
 * (they fire after minutes) and refusals no API input provokes. Each has its own
 * integration spec in the owning app; the list is checked against the consumers below.
 */
const NOT_DRIVEN_HERE: Readonly<Record<string, string>> = {
  AccountSignUpTimedOut: 'auth deadline (apps/auth consumers int spec)',
  BlogDeletionTimedOut: 'blog deadline (apps/blog delete-blog int spec)',
  BlogDeletionCancelled: 'needs a participant refusal (test/e2e/delete-blog)',
  BlogPostsArchiveRefused: 'post never refuses through its API',
  BlogSubscriptionsCloseRefused: 'subscribe refuses only a closing it cannot apply',
};

interface Channel {
  readonly service: string;
  readonly definition: ConsumerDefinition;
}

const run = `contract-${randomUUID().slice(0, 8)}`;
let requests = 0;
/** Every message a request causes carries its request id as correlation id. */
const traced = () => ({ 'x-request-id': `${run}-${++requests}` });

async function buildChannels(): Promise<{ channels: Channel[]; close: () => Promise<void> }> {
  process.env['AUTH_SIGNING_KEY_FILE'] ??= STACK.authSigningKeyFile;
  const definitions = [
    authService,
    userService,
    blogService,
    postService,
    visitorService,
    subscribeService,
  ];
  const built: { app: NestFastifyApplication; database: TestDatabase }[] = [];
  const channels: Channel[] = [];
  for (const definition of definitions) {
    const database = await createTestDatabase(`contract_${definition.service}`);
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'error' as const };
    const { app, inbox } = await createServiceApp(definition, env);
    built.push({ app, database });
    for (const consumer of inbox.definitions()) {
      channels.push({ service: definition.service, definition: consumer });
    }
  }
  const close = async () => {
    for (const { app, database } of built) {
      await app.close();
      await database.drop();
    }
  };
  return { channels, close };
}

describe('producers feed consumers: every record a service published parses for every consumer of it', () => {
  let channels: Channel[];
  let closeChannels: () => Promise<void>;
  let recorder: TopicRecorder;
  const ours = () =>
    recorder.records.filter((record) => record.headers['correlationId']?.startsWith(`${run}-`));
  const seen = (type: string) => ours().some((record) => record.headers['eventType'] === type);

  beforeAll(async () => {
    ({ channels, close: closeChannels } = await buildChannels());
    recorder = await TopicRecorder.start(TOPICS);
  });
  afterAll(async () => {
    await recorder?.stop();
    await closeChannels?.();
  });

  it('drives every saga to its end, then checks each record against each consumer', async () => {
    // Saga 1, both ways.
    const author = newPerson();
    expect((await signUp(author, traced())).status).toBe('ACTIVE');
    const { accessToken: token } = await logIn(author, traced());
    expect((await signUp(newPerson(author.handle.toUpperCase()), traced())).status).toBe(
      'REJECTED',
    );

    // Saga 2 approved, then unpublished; saga 2 rejected by a blog only post has heard of.
    const blog = await client.POST('/api/blogs', {
      body: { title: `Contract ${run}` },
      headers: { ...bearer(token), ...traced() },
    });
    expect(blog.response.status).toBe(201);
    const blogId = blog.data?.id ?? '';
    const post = await draftAndPublish(token, blogId);
    const unpublished = await client.POST('/api/posts/{postId}/unpublish', {
      params: { path: { postId: post } },
      headers: { ...bearer(token), ...traced() },
    });
    expect(unpublished.response.status).toBe(200);
    await rejectedPublication(token, (await logIn(author)).accountId);

    // Saga 4 (and saga 3 inside it): the author, with a blog, a live post and a subscription.
    const reader = newPerson();
    await signUp(reader, traced());
    const readerToken = (await logIn(reader, traced())).accessToken;
    const other = await client.POST('/api/blogs', {
      body: { title: `Other ${run}` },
      headers: { ...bearer(readerToken), ...traced() },
    });
    await draftAndPublish(token, blogId);
    await eventually(
      () =>
        client.POST('/api/subscriptions', {
          body: { blogId: other.data?.id ?? '' },
          headers: { ...bearer(token), ...traced() },
        }),
      (answer) => answer.response.status === 201,
    );
    const closing = await client.POST('/api/auth/accounts/me/close', {
      headers: { ...bearer(token), ...traced() },
    });
    expect(closing.response.status).toBe(202);
    await recorder.waitFor(() => seen(AccountMessages.AccountClosed.type), 60_000);

    const failures: string[] = [];
    const delivered = new Set<string>();
    for (const record of ours()) {
      const envelope = decodeEnvelope(record.headers);
      if (!envelope.ok) {
        failures.push(`${label(record)}: envelope ${envelope.error}`);
        continue;
      }
      for (const { service, definition } of channels) {
        if (!definition.topics.includes(record.topic)) continue;
        for (const handler of definition.handlers) {
          if (handler.type !== envelope.envelope.type) continue;
          delivered.add(handler.type);
          const parsed = handler.schema.safeParse(record.value);
          if (!parsed.success) {
            failures.push(`${label(record)} → ${service} ${definition.name}: ${parsed.error}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);

    const consumed = new Set(
      channels.flatMap(({ definition }) => definition.handlers.map((handler) => handler.type)),
    );
    const undriven = [...consumed].filter((type) => !delivered.has(type)).sort();
    expect(undriven).toEqual(Object.keys(NOT_DRIVEN_HERE).sort());
  });
});

const label = (record: ReceivedRecord) =>
  `${record.headers['eventType']} on ${record.topic}@${record.partition}:${record.offset}`;

async function draftAndPublish(token: string, blogId: string): Promise<string> {
  const post = await eventually(
    () =>
      client.POST('/api/posts', {
        body: { blogId, title: `Post ${randomUUID().slice(0, 8)}`, body: 'text' },
        headers: { ...bearer(token), ...traced() },
      }),
    (answer) => answer.response.status !== 404,
  );
  expect(post.response.status).toBe(201);
  const postId = post.data?.id ?? '';
  const started = await client.POST('/api/posts/{postId}/publish', {
    params: { path: { postId } },
    headers: { ...bearer(token), ...traced() },
  });
  expect(started.response.status).toBe(202);
  await eventually(
    () =>
      client.GET('/api/posts/{postId}', { params: { path: { postId } }, headers: bearer(token) }),
    (answer) => answer.data?.status === 'PUBLISHED',
  );
  return postId;
}

/**
 * blog rejects a publication for a blog it does not know: post learns of one from a
 * BlogCreated produced here (not a producer's output, so not one of the run's records),
 * then blog's rejection and post's reversion are real.
 */
async function rejectedPublication(token: string, ownerId: string): Promise<void> {
  const blogId = randomUUID();
  await produceRecords(BlogMessages.BlogCreated.topic, [
    {
      key: blogId,
      value: JSON.stringify({ blogId, ownerId, title: 'Ghost', slug: 'ghost' }),
      headers: {
        id: randomUUID(),
        eventType: BlogMessages.BlogCreated.type,
        correlationId: `planted-${randomUUID()}`,
        occurredAt: new Date().toISOString(),
        schemaVersion: '1',
      },
    },
  ]);
  const post = await eventually(
    () =>
      client.POST('/api/posts', {
        body: { blogId, title: 'Ghost post', body: 'text' },
        headers: { ...bearer(token), ...traced() },
      }),
    (answer) => answer.response.status !== 404,
  );
  expect(post.response.status).toBe(201);
  const path = { postId: post.data?.id ?? '' };
  await client.POST('/api/posts/{postId}/publish', {
    params: { path },
    headers: { ...bearer(token), ...traced() },
  });
  await eventually(
    () => client.GET('/api/posts/{postId}', { params: { path }, headers: bearer(token) }),
    (answer) => answer.data?.publication?.status === 'REJECTED',
  );
}
