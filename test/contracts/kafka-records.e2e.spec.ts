import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AsyncAPIDocumentInterface, type MessageInterface, Parser } from '@asyncapi/parser';
import { type ServiceName } from '@blog/chassis';
import { rowsOf, STACK } from '@blog/testing';
import {
  Admin,
  Consumer,
  type MessagesStream,
  MessagesStreamModes,
  stringDeserializers,
} from '@platformatic/kafka';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { driveEverySaga, TracedRun } from './support/every-saga';
import { pactFailures } from './support/pact-verification';

// The contracts on the wire: the stack's services do the four sagas through the gateway,
// and every record they cause is read from Kafka with @platformatic/kafka (not the kafkajs
// our consumers run on). Against the committed AsyncAPI document alone, read with
// @asyncapi/parser and checked with ajv: its topic is a channel, its type a message of that
// channel, its key, headers and payload match the document's schemas, the key is the payload
// field the document names, the message sits in the outbox of the service the document says
// publishes the channel, and the consumer groups the document lists are subscribed to the
// topic on the broker. Against the consumers' committed pacts: every producer's real records
// give every consumer what it relies on.

const DOCUMENT = resolve(__dirname, '../../apps/gateway/src/docs/asyncapi.json');

/** Produced only by deadlines or refusals no API input provokes (see producers-feed-consumers). */
const NOT_DRIVEN_HERE: Readonly<Record<string, string>> = {
  AccountSignUpTimedOut: 'auth deadline',
  AccountClosureTimedOut: 'auth deadline',
  BlogDeletionTimedOut: 'blog deadline',
  PublicationTimedOut: 'post deadline',
  BlogDeletionCancelled: 'needs a participant refusal',
  BlogPostsArchiveRefused: 'post never refuses through its API',
  BlogSubscriptionsCloseRefused: 'subscribe refuses only a closing it cannot apply',
};

interface WireRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  /** As on the wire: a header whose value is null stays, as null. */
  readonly headers: Readonly<Record<string, string | null>>;
}

/** Every record of some topics from their beginning, read by a throwaway group. */
class WireRecorder {
  readonly records: WireRecord[] = [];

  private constructor(
    private readonly consumer: Consumer<string, string, string, string>,
    private readonly stream: MessagesStream<string, string, string, string>,
  ) {
    stream.on('data', (message) => {
      this.records.push({
        topic: message.topic,
        partition: message.partition,
        offset: String(message.offset),
        key: message.key ?? null,
        value: message.value ?? null,
        headers: Object.fromEntries(
          [...message.headers].map(([name, value]) => [name, value ?? null]),
        ),
      });
    });
  }

  static async start(topics: readonly string[]): Promise<WireRecorder> {
    const consumer = new Consumer({
      groupId: `asyncapi-check-${Date.now()}`,
      clientId: 'asyncapi-check',
      bootstrapBrokers: [...STACK.kafkaBrokers],
      deserializers: stringDeserializers,
      maxWaitTime: 100,
    });
    const stream = await consumer.consume({
      topics: [...topics],
      mode: MessagesStreamModes.EARLIEST,
    });
    return new WireRecorder(consumer, stream);
  }

  async waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out with ${this.records.length} records`);
      await new Promise((resolveSoon) => setTimeout(resolveSoon, 50));
    }
  }

  async stop(): Promise<void> {
    await this.stream.close();
    await this.consumer.close();
  }
}

const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const validators = new Map<object, ValidateFunction>();
function problemsAgainst(schema: object | undefined, value: unknown, what: string): string[] {
  if (!schema) return [`${what}: the document has no schema for it`];
  const validate = validators.get(schema) ?? ajv.compile(schema);
  validators.set(schema, validate);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.params['additionalProperty'];
    return `${what}${e.instancePath} ${e.message ?? ''}${extra ? `: ${String(extra)}` : ''}`;
  });
}

function messageOf(document: AsyncAPIDocumentInterface, record: WireRecord) {
  const channel = document
    .channels()
    .all()
    .find((c) => c.address() === record.topic);
  const type = record.headers['eventType'];
  return {
    channel,
    message: channel
      ?.messages()
      .all()
      .find((m: MessageInterface) => m.id() === type),
  };
}

/** Key, headers and payload against the message the record's topic and type name. */
function recordProblems(document: AsyncAPIDocumentInterface, record: WireRecord): string[] {
  const { channel, message } = messageOf(document, record);
  if (!channel) return [`${record.topic} is no channel of the document`];
  if (!message) return [`${record.headers['eventType']} is no message of ${record.topic}`];
  let payload: unknown;
  try {
    payload = JSON.parse(record.value ?? 'null');
  } catch {
    return ['payload: not JSON'];
  }
  const kafka = message.bindings().get('kafka')?.value() as { key?: object } | undefined;
  const keyField = message.extensions().get('x-key-field')?.value() as string | undefined;
  const keyed = (payload as Record<string, unknown> | null)?.[keyField ?? ''];
  return [
    ...problemsAgainst(message.headers()?.json(), record.headers, 'headers'),
    ...problemsAgainst(kafka?.key, record.key, 'key'),
    ...problemsAgainst(message.payload()?.json(), payload, 'payload'),
    ...(keyed === record.key ? [] : [`key ${record.key} is not the payload's ${keyField}`]),
  ];
}

const label = (record: WireRecord) =>
  `${record.headers['eventType']} on ${record.topic}@${record.partition}:${record.offset}`;

describe('real records on Kafka match the AsyncAPI document and the consumers’ pacts', () => {
  const run = new TracedRun();
  let document: AsyncAPIDocumentInterface;
  let recorder: WireRecorder;
  const ours = () => recorder.records.filter((r) => run.caused(r.headers['correlationId']));

  beforeAll(async () => {
    const parsed = await new Parser().parse(readFileSync(DOCUMENT, 'utf8'));
    if (!parsed.document) throw new Error(JSON.stringify(parsed.diagnostics));
    document = parsed.document;
    recorder = await WireRecorder.start(
      document
        .channels()
        .all()
        .map((c) => c.address() ?? ''),
    );
  }, 60_000);
  afterAll(() => recorder?.stop());

  it('every record the sagas cause: topic, type, key, headers and payload', async () => {
    await driveEverySaga(run);
    await recorder.waitFor(
      () => ours().some((record) => record.headers['eventType'] === 'AccountClosed'),
      60_000,
    );

    const failures = ours().flatMap((record) =>
      recordProblems(document, record).map((problem) => `${label(record)}: ${problem}`),
    );
    expect(failures).toEqual([]);

    const seen = new Set(ours().map((record) => record.headers['eventType']));
    const documented = document
      .messages()
      .all()
      .map((message) => message.id());
    expect(documented.filter((type) => !seen.has(type)).sort()).toEqual(
      Object.keys(NOT_DRIVEN_HERE).sort(),
    );
  });

  it('give every consumer what its committed pact says it relies on', async () => {
    const seen = new Set(ours().map((record) => record.headers['eventType']));
    const real = (type: string, inSaga: boolean) =>
      ours()
        .filter((r) => r.headers['eventType'] === type && (!inSaga || r.headers['sagaId'] !== null))
        .at(-1);
    const providers = document
      .operations()
      .filterBySend()
      .map((op) => String(op.extensions().get('x-service')?.value()));
    const failures: string[] = [];
    for (const provider of new Set(providers)) {
      failures.push(...(await pactFailures(provider, real, (type) => seen.has(type))));
    }
    expect(failures).toEqual([]);
  });

  it('each record is in the outbox of the service the document says publishes its channel', async () => {
    const publishers = new Map(
      document
        .operations()
        .filterBySend()
        .flatMap((op) =>
          op
            .channels()
            .all()
            .map((c) => [c.address(), op.extensions().get('x-service')?.value() as ServiceName]),
        ),
    );
    const byService = new Map<ServiceName, string[]>();
    for (const record of ours()) {
      const service = publishers.get(record.topic);
      if (!service) throw new Error(`no publisher for ${record.topic}`);
      byService.set(service, [...(byService.get(service) ?? []), record.headers['id'] ?? '']);
    }
    expect(byService.size).toBeGreaterThanOrEqual(6);
    for (const [service, ids] of byService) {
      const found = await rowsOf<{ id: string }>(
        service,
        'SELECT id::text AS id FROM outbox WHERE id = ANY($1::uuid[])',
        [ids],
      );
      expect({ service, missing: ids.filter((id) => !found.some((row) => row.id === id)) }).toEqual(
        { service, missing: [] },
      );
    }
  });

  it('the consumer groups the document lists read their channel on the broker', async () => {
    const expected = document
      .operations()
      .filterByReceive()
      .map((op) => {
        const service = op.extensions().get('x-service')?.value() as ServiceName;
        const group = op.extensions().get('x-consumer-group')?.value() as string;
        const database = new URL(STACK.serviceDatabaseUrl(service)).pathname.slice(1);
        const kafka = op.bindings().get('kafka')?.value() as { groupId: object };
        return {
          groupId: `${group}.${database}`,
          schema: kafka.groupId,
          topic: op.channels().all()[0]?.address(),
        };
      });
    const admin = new Admin({
      clientId: 'asyncapi-check',
      bootstrapBrokers: [...STACK.kafkaBrokers],
    });
    try {
      const groups = await admin.describeGroups({ groups: expected.map((e) => e.groupId) });
      const problems = expected.flatMap(({ groupId, schema, topic }) => {
        const group = groups.get(groupId);
        const topics = [...(group?.members.values() ?? [])].flatMap(
          (m) => m.metadata?.topics ?? [],
        );
        return [
          ...problemsAgainst(schema, groupId, `group id ${groupId}`),
          ...(group?.state === 'Stable' && topic && topics.includes(topic)
            ? []
            : [
                `${groupId} is ${group?.state ?? 'absent'}, reading ${topics.join(', ') || 'nothing'}, not ${topic}`,
              ]),
        ];
      });
      expect(problems).toEqual([]);
      expect(expected.length).toBeGreaterThan(20);
    } finally {
      await admin.close();
    }
  });
});
