import type { AnyMessageContract } from './message-contract';
import { type JsonSchema, payloadSchemaOf } from './payload-schema';

/** One consumer group of a service as its `@InboxConsumer` class declares it. */
export interface ConsumerGroupDeclaration {
  readonly service: string;
  /** The group and inbox name, e.g. `post.blog-events`. */
  readonly group: string;
  readonly messages: readonly {
    readonly type: string;
    readonly topic: string;
    /** Taken by its envelope alone: the payload is neither read nor checked. */
    readonly envelopeOnly: boolean;
  }[];
}

type Ref = { readonly $ref: string };

export interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly contentType: string;
  readonly headers: JsonSchema;
  readonly payload: JsonSchema;
  readonly correlationId: { readonly description: string; readonly location: string };
  readonly bindings: {
    readonly kafka: { readonly key: JsonSchema; readonly bindingVersion: string };
  };
  readonly examples: readonly {
    readonly name: string;
    readonly headers: Readonly<Record<string, string | null>>;
    readonly payload: unknown;
  }[];
  /** The payload field whose value the Kafka key carries. */
  readonly 'x-key-field': string;
}

export interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly messages: Readonly<Record<string, Ref>>;
  readonly bindings: {
    readonly kafka: {
      readonly topic: string;
      readonly partitions: number;
      readonly bindingVersion: string;
    };
  };
}

export interface AsyncApiOperation {
  readonly action: 'send' | 'receive';
  readonly channel: Ref;
  readonly title: string;
  readonly description: string;
  readonly messages: readonly Ref[];
  readonly bindings?: {
    readonly kafka: { readonly groupId: JsonSchema; readonly bindingVersion: string };
  };
  /** The service that runs the operation. */
  readonly 'x-service': string;
  /** The consumer group (and inbox) of a receive operation. */
  readonly 'x-consumer-group'?: string;
}

/** The AsyncAPI 3.1 document of every outbox topic (only what the gateway renders is typed). */
export interface AsyncApiDocument {
  readonly asyncapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly defaultContentType: string;
  readonly servers: Readonly<Record<string, JsonSchema>>;
  readonly channels: Readonly<Record<string, AsyncApiChannel>>;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly messages: Readonly<Record<string, AsyncApiMessage>>;
  };
}

const KAFKA_BINDINGS = '0.5.0';
/** As the services create the topics they read (ConsumerHost) and the broker's default. */
const PARTITIONS = 3;

const UUID = { type: 'string', format: 'uuid' } as const;
const NULLABLE_UUID = { type: ['string', 'null'], format: 'uuid' } as const;

/**
 * The headers Debezium's outbox router sets from the outbox row's columns
 * (infra/connectors/outbox-connector.template.json; libs/consumer/src/envelope.ts reads
 * them): every one is always there, a NULL column arriving as a header whose value is null.
 */
const OUTBOX_HEADERS: JsonSchema = {
  type: 'object',
  description:
    'Set by Debezium’s outbox router from the outbox row’s columns: every header is present on every record, and a column that is NULL arrives as a header whose value is null. Values are UTF-8 text.',
  required: [
    'id',
    'eventType',
    'correlationId',
    'causationId',
    'sagaId',
    'traceparent',
    'occurredAt',
    'schemaVersion',
  ],
  additionalProperties: false,
  properties: {
    id: {
      ...UUID,
      description:
        'The message id, one per message: a consumer’s inbox applies a message id once, however often it is delivered.',
    },
    eventType: { type: 'string', minLength: 1, description: 'The message type.' },
    correlationId: {
      type: 'string',
      minLength: 1,
      description:
        'The request id of the API call that started the work (`x-request-id`), carried by every message it causes.',
    },
    causationId: {
      ...NULLABLE_UUID,
      description: 'The id of the message this one reacts to; null when a request caused it.',
    },
    sagaId: {
      ...NULLABLE_UUID,
      description: 'The saga the message belongs to; null outside sagas.',
    },
    traceparent: {
      type: ['string', 'null'],
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        'W3C trace context of the span that wrote the row: the consumer’s span continues its trace.',
    },
    occurredAt: {
      type: 'string',
      format: 'date-time',
      description: 'When the producer wrote the message (ISO-8601, UTC).',
    },
    schemaVersion: {
      type: 'string',
      pattern: '^[1-9][0-9]*$',
      description:
        'The version of the payload’s schema, in decimal. A consumer upcasts an older version before it checks the payload, and refuses one newer than its build reads.',
    },
  },
};

const DESCRIPTION = [
  'Every integration message the services exchange. A service writes a message to its own outbox table in the transaction that changes its state; Debezium tails the write-ahead log and its outbox router publishes the row to `outbox.event.<aggregatetype>`, keyed by the aggregate id, with the envelope in headers and the payload as JSON text. Nothing else writes to these topics.',
  'One topic per aggregate type, written by the service that owns the aggregate; the key keeps one aggregate’s messages in order. Each consumer group reads through an inbox: a message’s effects and its inbox row commit together, so a redelivery changes nothing. A payload its schema refuses is dead-lettered to `<topic>.dlq` and its key parked until it is re-driven.',
  'Payloads carry a `schemaVersion` header. A change a reader could notice makes a new version with an upcaster from the previous one; consumers upcast before they check. Each version’s schema is committed under `libs/contracts/schemas/` (docs/contracts.md).',
].join('\n\n');

/**
 * The AsyncAPI 3.1 document of every outbox topic, generated from the contracts (channels,
 * messages, publishers) and the apps' `@InboxConsumer` declarations (consumers).
 */
export function buildAsyncApiDocument(options: {
  readonly version: string;
  readonly contracts: readonly AnyMessageContract[];
  readonly consumers: readonly ConsumerGroupDeclaration[];
}): AsyncApiDocument {
  const { contracts, consumers } = options;
  const byChannel = groupBy(contracts, (contract) => contract.aggregateType);
  const channels: Record<string, AsyncApiChannel> = {};
  const operations: Record<string, AsyncApiOperation> = {};
  for (const [channel, members] of byChannel) {
    const topic = `outbox.event.${channel}`;
    const publishers = [...new Set(members.map((contract) => contract.publisher))];
    channels[channel] = {
      address: topic,
      title: topic,
      description: `The ${channel} aggregate’s messages, written by ${publishers.join(', ')}. Key: the aggregate id each message names.`,
      messages: Object.fromEntries(
        members.map(({ type }) => [type, { $ref: `#/components/messages/${type}` }]),
      ),
      bindings: { kafka: { topic, partitions: PARTITIONS, bindingVersion: KAFKA_BINDINGS } },
    };
    const messageRef = (type: string) => ({ $ref: `#/channels/${channel}/messages/${type}` });
    for (const publisher of publishers) {
      operations[`${publisher}.send.${channel}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channel}` },
        title: `${publisher} publishes on ${topic}`,
        description: `Written by ${publisher} to its outbox in the transaction that changes the ${channel}, published by its Debezium connector.`,
        messages: members.filter((c) => c.publisher === publisher).map((c) => messageRef(c.type)),
        'x-service': publisher,
      };
    }
    for (const consumer of consumers) {
      const taken = consumer.messages.filter((message) => message.topic === topic);
      if (taken.length === 0) continue;
      const envelopeOnly = taken.every((message) => message.envelopeOnly);
      operations[`${consumer.group}.receive.${channel}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channel}` },
        title: `${consumer.group} (${consumer.service}) reads ${topic}`,
        description: envelopeOnly
          ? `${consumer.service} reads these messages by their envelope alone (headers): the payload is neither read nor checked, and every schema version is taken.`
          : `${consumer.service} applies each message through its inbox \`${consumer.group}\`, after upcasting and checking the payload against its schema.`,
        messages: [...new Set(taken.map((message) => message.type))].map(messageRef),
        bindings: {
          kafka: {
            groupId: {
              type: 'string',
              pattern: `^${escapeRegExp(consumer.group)}\\.[a-z0-9_]+$`,
              description: `The group name plus the service’s database (e.g. \`${consumer.group}.blog_${consumer.service}\`): only instances sharing an inbox share offsets.`,
            },
            bindingVersion: KAFKA_BINDINGS,
          },
        },
        'x-service': consumer.service,
        'x-consumer-group': consumer.group,
      };
    }
  }
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Blog integration messages',
      version: options.version,
      description: DESCRIPTION,
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The local stack’s broker (`npm start`).',
      },
    },
    channels,
    operations,
    components: {
      schemas: { OutboxHeaders: OUTBOX_HEADERS },
      messages: Object.fromEntries(
        contracts.map((contract) => [contract.type, messageOf(contract, consumers)]),
      ),
    },
  };
}

function messageOf(
  contract: AnyMessageContract,
  consumers: readonly ConsumerGroupDeclaration[],
): AsyncApiMessage {
  const { type, schemaVersion, publisher, key, topic } = contract;
  const readers = consumers
    .filter((consumer) => consumer.messages.some((m) => m.type === type && m.topic === topic))
    .map((consumer) => `${consumer.service} (${consumer.group})`);
  return {
    name: type,
    title: `${type} v${schemaVersion}`,
    summary: `${publisher} → ${readers.length > 0 ? readers.join(', ') : 'no consumer'}`,
    description: `Published by ${publisher} on \`${topic}\`, keyed by the payload’s \`${key}\`. Read by ${readers.length > 0 ? readers.join(', ') : 'no consumer yet'}.`,
    contentType: 'application/json',
    headers: {
      allOf: [
        { $ref: '#/components/schemas/OutboxHeaders' },
        {
          type: 'object',
          properties: {
            eventType: { const: type },
            schemaVersion: { const: String(schemaVersion) },
          },
        },
      ],
    },
    payload: payloadSchemaOf(contract),
    correlationId: {
      description: 'The request id the work started with.',
      location: '$message.header#/correlationId',
    },
    bindings: {
      kafka: {
        key: { ...UUID, description: `The payload’s ${key}: the aggregate id.` },
        bindingVersion: KAFKA_BINDINGS,
      },
    },
    examples: [
      {
        name: `${type}Example`,
        headers: {
          id: '5b6f1a2e-8c3d-4e5f-9a0b-1c2d3e4f5a06',
          eventType: type,
          correlationId: '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e07',
          causationId: null,
          sagaId: null,
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          occurredAt: '2026-11-23T09:30:00.123456Z',
          schemaVersion: String(schemaVersion),
        },
        payload: contract.example,
      },
    ],
    'x-key-field': key,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** Group names are letters, digits, `.` and `-`; only the dot means something in a pattern. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
