import type { AnyMessageContract } from '../message-contract';
import { type JsonSchema, schemaSnapshotOf } from '../payload-schema';
import { breakingChanges } from './compatibility';

const HOW = 'docs/contracts.md, "Changing a message"';

/**
 * Why a contract does not follow its committed history of schema snapshots (by version):
 * a breaking change at a committed version, a snapshot newer than the contract, or a
 * committed older version that no upcaster reads or whose upcaster turns that version's own
 * example into a payload the current schema refuses. The current version's snapshot itself
 * is written and compared by the snapshot spec.
 */
export function evolutionProblems(
  contract: AnyMessageContract,
  committed: ReadonlyMap<number, JsonSchema>,
): string[] {
  const { type, schemaVersion: current, readsFrom } = contract;
  const problems: string[] = [];
  for (const [version, snapshot] of [...committed].sort(([a], [b]) => a - b)) {
    if (version > current) {
      problems.push(`${type}: v${version} has a snapshot, but the contract is at v${current}`);
    } else if (version === current) {
      const changes = breakingChanges(snapshot, schemaSnapshotOf(contract));
      if (changes.length > 0) {
        problems.push(
          `${type} v${current} changed incompatibly with its committed snapshot (${changes.join('; ')}): ` +
            `keep the change compatible, or make it v${current + 1} with an upcaster from v${current} (${HOW})`,
        );
      }
    } else if (version < readsFrom) {
      problems.push(
        `${type}: v${version} has a snapshot but no upcaster from it to v${current}: ` +
          `add one, or retire v${version} with its snapshot once none of its messages can be read again (${HOW})`,
      );
    } else {
      problems.push(...upcastingProblems(contract, version, snapshot));
    }
  }
  for (let version = readsFrom; version < current; version += 1) {
    if (!committed.has(version)) {
      problems.push(`${type}: reads v${version}, but no snapshot of v${version} is committed`);
    }
  }
  return problems;
}

/** An upcaster is tested with the example its version was committed with. */
function upcastingProblems(
  contract: AnyMessageContract,
  version: number,
  snapshot: JsonSchema,
): string[] {
  const { type, schemaVersion: current } = contract;
  const examples = Array.isArray(snapshot['examples']) ? (snapshot['examples'] as unknown[]) : [];
  if (examples.length === 0) {
    return [`${type}: the v${version} snapshot has no example to test its upcaster with`];
  }
  return examples.flatMap((example) => {
    let upcast: unknown;
    try {
      upcast = contract.upcast(version, example);
    } catch (error) {
      return [`${type}: upcasting the v${version} example failed: ${String(error)}`];
    }
    const parsed = contract.schema.safeParse(upcast);
    if (parsed.success) return [];
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return [
      `${type}: the v${version} example, upcast, is refused by v${current}: ${issues.join('; ')}`,
    ];
  });
}
