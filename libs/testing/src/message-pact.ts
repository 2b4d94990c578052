import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inboxDeclarationOf } from '@blog/chassis';
import { decodeEnvelope } from '@blog/consumer';
import {
  type AnyMessageContract,
  type JsonSchema,
  MESSAGE_CONTRACTS,
  payloadSchemaOf,
} from '@blog/contracts';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import type { Type } from '@nestjs/common';
import { z } from 'zod';
import { prettyJson } from './pretty-json';

/** Where the pacts are committed: the consumers' word, which CI verifies every producer against. */
export const PACTS_DIR = resolve(__dirname, '../../../pacts');

/** The provider state of an interaction whose consumer needs the saga id header. */
export const IN_A_SAGA = 'the message is sent within a saga';

/** What one consumer group relies on in one message type. */
export interface Reliance {
  /** The payload fields its handler reads; none for a consumer of envelopes. */
  readonly reads: readonly string[];
  /** It needs the `sagaId` header: without one it cannot apply the message (a saga step). */
  readonly inSaga?: boolean;
}

/** One `@InboxConsumer` class and, by message type, what it relies on. */
export interface ConsumerExpectations {
  readonly consumer: Type<unknown>;
  readonly expects: Readonly<Record<string, Reliance>>;
}

const ISO_DATETIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const EXAMPLE_MESSAGE_ID = '5b6f1a2e-8c3d-4e5f-9a0b-1c2d3e4f5a06';
const EXAMPLE_SAGA_ID = '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f07';

/**
 * A consuming service's message pacts (Pact V4, asynchronous messages): for every message
 * type each of its consumer groups handles, the headers, key and payload fields it relies on,
 * with matchers from its own schema. Each interaction is played through the consumer's inbound
 * edge as the inbox would (envelope decoded, payload upcast, the relied-on fields checked with
 * the consumer's schema), so a pact cannot promise what the consumer would refuse. The pacts
 * are compared with those committed under pacts/, which the producers are verified against
 * (test/contracts/message-pacts.pact.spec.ts); `-u` rewrites them.
 */
export function messagePactSpec(service: string, groups: readonly ConsumerExpectations[]): void {
  describe(`${service}'s message pacts`, () => {
    const dir = mkdtempSync(join(tmpdir(), `pacts-${service}-`));

    it.each(groups.map((group) => [inboxDeclarationOf(group.consumer).name, group] as const))(
      '%s states what it relies on in every message it handles, and can read it',
      async (_name, group) => {
        for (const interaction of interactionsOf(group)) await play(service, dir, interaction);
      },
    );

    it('matches the committed pacts', async () => {
      const written = readdirSync(dir);
      const committed = readdirSync(PACTS_DIR).filter((file) => file.startsWith(`${service}-`));
      expect({ obsolete: committed.filter((file) => !written.includes(file)) }).toEqual({
        obsolete: [],
      });
      for (const file of written) {
        const pact = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
        const path = join(PACTS_DIR, file);
        await expect(await prettyJson(pact, path)).toMatchFileSnapshot(path);
      }
    });
  });
}

interface Interaction {
  readonly group: string;
  readonly contract: AnyMessageContract;
  readonly reliance: Reliance;
  readonly envelopeOnly: boolean;
  readonly schema: z.ZodType;
  readonly upcast: ((schemaVersion: number, payload: unknown) => unknown) | undefined;
}

/** Every message type the class handles must be stated, and nothing else. */
function interactionsOf({ consumer, expects }: ConsumerExpectations): Interaction[] {
  const { name, methods } = inboxDeclarationOf(consumer);
  const handled = methods.flatMap(({ messages }) => messages);
  const handledTypes = handled.map(({ type }) => type).sort();
  expect({ group: name, states: Object.keys(expects).sort() }).toEqual({
    group: name,
    states: handledTypes,
  });
  return handled.map((message) => {
    const contract = MESSAGE_CONTRACTS.find(({ type }) => type === message.type);
    if (!contract) throw new Error(`${name} handles ${message.type}, which no contract defines`);
    return {
      group: name,
      contract,
      reliance: expects[message.type] ?? { reads: [] },
      envelopeOnly: message.envelopeOnly ?? false,
      schema: message.schema,
      upcast: message.upcast,
    };
  });
}

async function play(service: string, dir: string, interaction: Interaction): Promise<void> {
  const { group, contract, reliance } = interaction;
  const pact = new PactV4({
    consumer: service,
    provider: contract.publisher,
    dir,
    logLevel: 'error',
  });
  const unconfigured = pact.addAsynchronousInteraction();
  const configured = reliance.inSaga ? unconfigured.given(IN_A_SAGA) : unconfigured;
  await configured
    .expectsToReceive(`${group} receives ${contract.type}`, (builder) =>
      builder.withMetadata(metadataOf(interaction)).withJSONContent(bodyOf(interaction)),
    )
    .executeTest(async (message) => readAsTheInboxWould(interaction, message));
}

/** The headers every inbox consumer needs (envelope.ts), the key, and the saga id if stated. */
function metadataOf({ contract, reliance, envelopeOnly }: Interaction) {
  const versions = Array.from(
    { length: contract.schemaVersion - contract.readsFrom + 1 },
    (_, index) => contract.readsFrom + index,
  );
  const example = contract.example as Record<string, unknown>;
  return {
    kafka_topic: contract.topic,
    key: MatchersV3.uuid(String(example[contract.key])),
    id: MatchersV3.uuid(EXAMPLE_MESSAGE_ID),
    eventType: contract.type,
    correlationId: MatchersV3.string('2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e07'),
    occurredAt: MatchersV3.regex(ISO_DATETIME, '2026-11-23T09:30:00.123456Z'),
    // An envelope reader takes every version; an inbox consumer those its upcasters lead from.
    schemaVersion: envelopeOnly
      ? MatchersV3.regex('^[1-9][0-9]*$', String(contract.schemaVersion))
      : MatchersV3.regex(`^(${versions.join('|')})$`, String(contract.schemaVersion)),
    ...(reliance.inSaga ? { sagaId: MatchersV3.uuid(EXAMPLE_SAGA_ID) } : {}),
  };
}

/**
 * The relied-on fields, each matched as the consumer's schema constrains it. A consumer of
 * envelopes relies on no field, only on a JSON object (the inbox parses every payload).
 */
function bodyOf({ contract, reliance }: Interaction): unknown {
  if (reliance.reads.length === 0) return MatchersV3.like({});
  const properties = (payloadSchemaOf(contract)['properties'] ?? {}) as Record<string, JsonSchema>;
  const example = contract.example as Record<string, unknown>;
  return Object.fromEntries(
    reliance.reads.map((field) => {
      const schema = properties[field];
      if (!schema) throw new Error(`${contract.type} has no field ${field} to rely on`);
      return [field, matcherOf(schema, example[field])];
    }),
  );
}

function matcherOf(schema: JsonSchema, example: unknown): unknown {
  switch (schema['type']) {
    case 'array': {
      const [first] = example as unknown[];
      if (first === undefined) throw new Error('an example array needs an element to match by');
      return MatchersV3.eachLike(
        matcherOf(schema['items'] as JsonSchema, first),
        Number(schema['minItems'] ?? 0),
      );
    }
    case 'integer':
      return MatchersV3.integer(example as number);
    case 'number':
      return MatchersV3.number(example as number);
    case 'boolean':
      return MatchersV3.boolean(example as boolean);
    case 'string': {
      const text = String(example);
      if (typeof schema['pattern'] === 'string') return MatchersV3.regex(schema['pattern'], text);
      if (schema['format'] === 'date-time') return MatchersV3.regex(ISO_DATETIME, text);
      const [min, max] = [schema['minLength'] ?? 0, schema['maxLength'] ?? ''];
      return MatchersV3.regex(`^[\\s\\S]{${String(min)},${String(max)}}$`, text);
    }
    default:
      return MatchersV3.like(example);
  }
}

/**
 * The consumer's side of the contract test: the message Pact builds from the expectation,
 * through the inbox's own steps for this consumer (envelope, upcasting, the consumer's schema
 * for the fields it relies on).
 */
function readAsTheInboxWould(
  interaction: Interaction,
  message: { readonly contents: { readonly content: unknown }; readonly metadata: object },
): void {
  const { group, contract, reliance, envelopeOnly, schema, upcast } = interaction;
  const headers = Object.fromEntries(
    Object.entries(message.metadata).map(([name, value]) => [name, String(value)]),
  );
  const envelope = decodeEnvelope(headers);
  if (!envelope.ok) throw new Error(`${group}: ${contract.type} envelope: ${envelope.error}`);
  if (envelopeOnly) return;
  const { content } = message.contents;
  const payload = upcast ? upcast(envelope.envelope.schemaVersion, content) : content;
  const reading =
    schema instanceof z.ZodObject
      ? z.object(Object.fromEntries(reliance.reads.map((field) => [field, schema.shape[field]])))
      : schema;
  const parsed = reading.safeParse(payload);
  if (!parsed.success) {
    throw new Error(`${group} states ${contract.type} fields it refuses: ${parsed.error.message}`);
  }
}
