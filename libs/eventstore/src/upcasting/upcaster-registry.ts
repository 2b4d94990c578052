import type { EventData } from '../events/event';
import { UnknownSchemaVersionError } from '../errors/unknown-schema-version.error';
import type { Upcaster } from './upcaster';

export interface Upcasted {
  readonly data: EventData;
  readonly schemaVersion: number;
}

/**
 * Every known step from an old event shape to the next, by type. Reading chains the
 * steps until the current version; stored rows are never rewritten, so the steps stay
 * for as long as old rows exist.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, Upcaster['upcast']>>();
  private readonly current = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const { type, fromVersion, upcast } of upcasters) {
      if (!Number.isInteger(fromVersion) || fromVersion < 1) {
        throw new Error(`Upcaster for "${type}" has invalid fromVersion ${fromVersion}`);
      }
      const chain = this.steps.get(type) ?? new Map<number, Upcaster['upcast']>();
      if (chain.has(fromVersion)) {
        throw new Error(`Two upcasters for "${type}" from version ${fromVersion}`);
      }
      chain.set(fromVersion, upcast);
      this.steps.set(type, chain);
    }
    for (const [type, chain] of this.steps) {
      // A gap would leave rows of the missing version unreadable; fail at start-up instead.
      const versions = [...chain.keys()].sort((a, b) => a - b);
      const first = versions[0] ?? 1;
      versions.forEach((version, index) => {
        if (version !== first + index) {
          throw new Error(`Upcasters for "${type}" skip version ${first + index}`);
        }
      });
      this.current.set(type, first + versions.length);
    }
  }

  /** The version new events of `type` are written at. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast(type: string, schemaVersion: number, data: EventData): Upcasted {
    const target = this.currentVersion(type);
    if (schemaVersion > target) throw new UnknownSchemaVersionError(type, schemaVersion, target);
    let version = schemaVersion;
    let upcasted = data;
    while (version < target) {
      const step = this.steps.get(type)?.get(version);
      if (step === undefined) {
        throw new Error(`No upcaster for "${type}" from version ${version} (current ${target})`);
      }
      upcasted = step(upcasted);
      version += 1;
    }
    return { data: upcasted, schemaVersion: version };
  }
}
