import { z } from 'zod';
import type { AnyMessageContract } from './message-contract';

/** A JSON Schema as a plain object (draft-07, what AsyncAPI 3's schema format extends). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * The JSON Schema of a contract's payload as the publisher writes it: zod's output, so an
 * object lists exactly the fields that leave (`additionalProperties: false`).
 */
export function payloadSchemaOf(contract: AnyMessageContract): JsonSchema {
  const { $schema: _draft, ...schema } = z.toJSONSchema(contract.schema, { target: 'draft-7' });
  return schema;
}

/**
 * The committed record of one schema version (libs/contracts/schemas/<aggregate>/<Type>.v<N>.json):
 * the payload's JSON Schema with the version's example, which later versions' upcasters are
 * tested with.
 */
export function schemaSnapshotOf(contract: AnyMessageContract): JsonSchema {
  const { type, schemaVersion, aggregateType, publisher, key } = contract;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `urn:blog:message:${aggregateType}:${type}:v${schemaVersion}`,
    title: `${type} v${schemaVersion}`,
    description: `Published by ${publisher} on ${contract.topic}; the Kafka key is the payload's ${key}.`,
    ...payloadSchemaOf(contract),
    examples: [contract.example],
  };
}

/** Where a version's snapshot is committed, relative to libs/contracts. */
export const schemaSnapshotPath = (contract: AnyMessageContract, version: number): string =>
  `schemas/${contract.aggregateType}/${contract.type}.v${version}.json`;
