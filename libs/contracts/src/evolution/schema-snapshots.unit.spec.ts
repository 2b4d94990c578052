import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { prettyJson } from '@blog/testing/pretty-json';
import { MESSAGE_CONTRACTS } from '../message-catalog';
import type { AnyMessageContract } from '../message-contract';
import { type JsonSchema, schemaSnapshotOf, schemaSnapshotPath } from '../payload-schema';
import { evolutionProblems } from './schema-evolution';

// Every message type's schema, version by version, is committed under libs/contracts/schemas.
// A change the committed snapshot of the same version cannot absorb fails here; so does a new
// version whose upcaster does not turn the old version's example into a valid payload. The
// current version's file is written by `npx vitest run --project unit libs/contracts -u`
// (never in CI, where a missing or stale snapshot fails) and only after the history check
// passed, so -u cannot record a breaking change as if it were the old version.

const LIB = resolve(__dirname, '../..');
const SNAPSHOT = /^(?<type>\w+)\.v(?<version>\d+)\.json$/;

function committedSnapshots(): {
  aggregateType: string;
  type: string;
  version: number;
  schema: JsonSchema;
}[] {
  const root = resolve(LIB, 'schemas');
  return readdirSync(root).flatMap((aggregateType) =>
    readdirSync(resolve(root, aggregateType)).map((file) => {
      const match = SNAPSHOT.exec(file)?.groups;
      if (!match) throw new Error(`schemas/${aggregateType}/${file} is not <Type>.v<N>.json`);
      const text = readFileSync(resolve(root, aggregateType, file), 'utf8');
      return {
        aggregateType,
        type: match['type'] ?? '',
        version: Number(match['version']),
        schema: JSON.parse(text) as JsonSchema,
      };
    }),
  );
}

const committed = committedSnapshots();
const historyOf = (contract: AnyMessageContract) =>
  new Map(
    committed
      .filter((s) => s.aggregateType === contract.aggregateType && s.type === contract.type)
      .map((s) => [s.version, s.schema]),
  );

describe.each(MESSAGE_CONTRACTS.map((contract) => [contract.type, contract] as const))(
  '%s',
  (_type, contract) => {
    it('follows its committed history, and the snapshot of its current version is committed', async () => {
      // One test, history first: with -u, a breaking change fails before its snapshot is written.
      expect(evolutionProblems(contract, historyOf(contract))).toEqual([]);
      const path = resolve(LIB, schemaSnapshotPath(contract, contract.schemaVersion));
      await expect(await prettyJson(schemaSnapshotOf(contract), path)).toMatchFileSnapshot(path);
    });
  },
);

it('every committed snapshot is of a message type a contract still defines', () => {
  const defined = new Set(MESSAGE_CONTRACTS.map((c) => `${c.aggregateType}/${c.type}`));
  const orphans = committed.filter((s) => !defined.has(`${s.aggregateType}/${s.type}`));
  expect(orphans.map((s) => `${s.aggregateType}/${s.type}.v${s.version}`)).toEqual([]);
});
