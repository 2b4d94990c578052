import { randomUUID } from 'node:crypto';
import {
  type AnyMessageContract,
  defineMessage,
  MESSAGE_CONTRACTS,
  PostMessages,
} from '@blog/contracts';
import { outboxMessageOf } from '@blog/outbox';
import { routedRecordOf } from './support/debezium-record';
import { committedPacts, pactFailures, type Producer } from './support/pact-verification';

// The provider side of the message pacts: every producing service verified against every
// consumer's committed pact (pacts/, written by the apps' *.pact.spec.ts). A producer's
// message is built as the service builds it, outboxMessageOf on its contract's example, and
// routed as the connector template says Debezium routes the outbox row; Pact checks the
// headers, key, topic and payload fields each consumer relies on, and a failure names the
// consumer (`Verifying a pact between <consumer> and <provider>`) and its group. The e2e
// tier verifies the same pacts against real records (kafka-records.e2e.spec.ts).

const publishers = [...new Set(MESSAGE_CONTRACTS.map((contract) => contract.publisher))].sort();

/** A producer's messages built from `contracts`: its examples, through the outbox and the router. */
const fromContracts =
  (provider: string, contracts: readonly AnyMessageContract[]): Producer =>
  (type, inSaga) => {
    const contract = contracts.find((c) => c.type === type && c.publisher === provider);
    if (!contract) return undefined;
    const example = contract.example as Record<string, unknown>;
    return routedRecordOf(
      outboxMessageOf(contract, String(example[contract.key]), contract.example, {
        messageId: randomUUID(),
        correlationId: randomUUID(),
        causationId: inSaga ? randomUUID() : null,
        sagaId: inSaga ? randomUUID() : null,
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        occurredAt: new Date(),
      }),
    );
  };

describe('message pacts: every producer satisfies every consumer', () => {
  it('has a pact from every consuming service, each naming a real publisher', () => {
    const consumers = new Set(committedPacts.map(({ pact }) => pact.consumer.name));
    expect([...consumers].sort()).toEqual([
      'auth',
      'blog',
      'gateway',
      'post',
      'subscribe',
      'user',
      'visitor',
    ]);
    const unknown = committedPacts.filter(({ pact }) => !publishers.includes(pact.provider.name));
    expect(unknown.map(({ file }) => file)).toEqual([]);
  });

  it.each(publishers)('%s sends what each of its consumers relies on', async (provider) => {
    expect(await pactFailures(provider, fromContracts(provider, MESSAGE_CONTRACTS))).toEqual([]);
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
    expect(await pactFailures('post', fromContracts('post', contracts))).toEqual([
      'subscribe: subscribe.post receives PostPublished',
    ]);
  });
});
