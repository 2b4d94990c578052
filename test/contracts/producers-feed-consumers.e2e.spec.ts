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
  createTestDatabase,
  type ReceivedRecord,
  STACK,
  type TestDatabase,
  TopicRecorder,
} from '@blog/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SERVICE_DEFINITIONS } from '../support/service-definitions';
import { driveEverySaga, TracedRun } from './support/every-saga';

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

const run = new TracedRun();

async function buildChannels(): Promise<{ channels: Channel[]; close: () => Promise<void> }> {
  process.env['AUTH_SIGNING_KEY_FILE'] ??= STACK.authSigningKeyFile;
  // Every service that consumes through an inbox of its own (the gateway's monitor reads envelopes).
  const definitions = SERVICE_DEFINITIONS.filter(({ service }) => service !== 'gateway');
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
    recorder.records.filter((record) => run.caused(record.headers['correlationId']));
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
    await driveEverySaga(run);
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
