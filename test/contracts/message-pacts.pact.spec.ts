import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AnyMessageContract,
  defineMessage,
  MESSAGE_CONTRACTS,
  outboxMessageOf,
  PostMessages,
} from '@blog/contracts';
import { IN_A_SAGA, PACTS_DIR } from '@blog/testing/message-pact';
import {
  type MessageDescriptor,
  MessageProviderPact,
  providerWithMetadata,
} from '@pact-foundation/pact';
import { routedRecordOf } from './support/debezium-record';

// The provider side of the message pacts: every producing service verified against every
// consumer's committed pact (pacts/, written by the apps' *.pact.spec.ts). A producer's
// message is built as the service builds it, outboxMessageOf on its contract's example, and
// routed as the connector template says Debezium routes the outbox row; Pact checks the
// headers, key, topic and payload fields each consumer relies on, and a failure names the
// consumer (`Verifying a pact between <consumer> and <provider>`) and its group.

interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly {
    readonly description: string;
    readonly metadata?: { readonly eventType?: string };
  }[];
}

interface VerificationResult {
  readonly interactionResults?: readonly {
    readonly consumer: string;
    readonly description: string;
    readonly result: string;
  }[];
}

const pacts = readdirSync(PACTS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    path: join(PACTS_DIR, file),
    pact: JSON.parse(readFileSync(join(PACTS_DIR, file), 'utf8')) as PactFile,
  }));
const publishers = [...new Set(MESSAGE_CONTRACTS.map((contract) => contract.publisher))].sort();

/** The message as the producer writes it and its consumers receive it. */
function produced(contract: AnyMessageContract, inSaga: boolean) {
  const example = contract.example as Record<string, unknown>;
  const record = routedRecordOf(
    outboxMessageOf(contract, String(example[contract.key]), contract.example, {
      messageId: randomUUID(),
      correlationId: randomUUID(),
      causationId: inSaga ? randomUUID() : null,
      sagaId: inSaga ? randomUUID() : null,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      occurredAt: new Date(),
    }),
  );
  const headers = Object.entries(record.headers).flatMap(([name, value]) =>
    value === null ? [] : [[name, value] as const],
  );
  return providerWithMetadata(() => JSON.parse(record.value) as unknown, {
    kafka_topic: record.topic,
    key: record.key,
    ...Object.fromEntries(headers),
  });
}

/** One producer against every pact that names it, its messages built from `contracts`. */
async function verify(provider: string, contracts: readonly AnyMessageContract[]) {
  const files = pacts.filter(({ pact }) => pact.provider.name === provider);
  const messageProviders = Object.fromEntries(
    files.flatMap(({ pact }) =>
      pact.interactions.map(({ description, metadata }) => [
        description,
        (descriptor: MessageDescriptor) => {
          const type = metadata?.eventType;
          const contract = contracts.find((c) => c.type === type && c.publisher === provider);
          if (!contract) {
            throw new Error(`${provider} publishes no ${type}, which ${pact.consumer.name} reads`);
          }
          const inSaga = descriptor.providerStates?.some(({ name }) => name === IN_A_SAGA);
          return produced(contract, inSaga ?? false)(descriptor);
        },
      ]),
    ),
  );
  return new MessageProviderPact({
    provider,
    pactUrls: files.map(({ path }) => path),
    messageProviders,
    logLevel: 'error',
  }).verify() as Promise<VerificationResult>;
}

/** The interactions a rejected verification failed, as `<consumer>: <description>`. */
async function failuresOf(verification: Promise<unknown>): Promise<string[]> {
  const error = await verification.then(
    () => null,
    (rejected: unknown) => rejected,
  );
  if (!(error instanceof Error)) return [];
  const { interactionResults = [] } = JSON.parse(error.message) as VerificationResult;
  return interactionResults
    .filter(({ result }) => result !== 'OK')
    .map(({ consumer, description }) => `${consumer}: ${description}`);
}

describe('message pacts: every producer satisfies every consumer', () => {
  it('has a pact from every consuming service, each naming a real publisher', () => {
    const consumers = new Set(pacts.map(({ pact }) => pact.consumer.name));
    expect([...consumers].sort()).toEqual([
      'auth',
      'blog',
      'gateway',
      'post',
      'subscribe',
      'user',
      'visitor',
    ]);
    const unknown = pacts.filter(({ pact }) => !publishers.includes(pact.provider.name));
    expect(unknown.map(({ path }) => path)).toEqual([]);
  });

  it.each(publishers)('%s sends what each of its consumers relies on', async (provider) => {
    expect(await failuresOf(verify(provider, MESSAGE_CONTRACTS))).toEqual([]);
  });

  it('fails a producer change that breaks a consumer, naming that consumer and no other', async () => {
    // post drops PostPublished's title: subscribe's feed reads it, visitor and the saga monitor do not.
    const { PostPublished } = PostMessages;
    const { title: _title, ...example } = PostPublished.example;
    const { aggregateType, publisher, type, schemaVersion } = PostPublished;
    const withoutTitle = defineMessage({
      ...{ aggregateType, publisher, type, schemaVersion, key: 'postId', example },
      schema: PostPublished.schema.omit({ title: true }),
    });
    const contracts = MESSAGE_CONTRACTS.map((c) => (c === PostPublished ? withoutTitle : c));
    expect(await failuresOf(verify('post', contracts))).toEqual([
      'subscribe: subscribe.post receives PostPublished',
    ]);
  });
});
