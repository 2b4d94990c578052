import { UnknownSchemaVersionError } from '../errors/unknown-schema-version.error';
import { upcaster } from './upcaster';
import { UpcasterRegistry } from './upcaster-registry';

type V1 = { readonly title: string };
type V2 = { readonly title: string; readonly tags: readonly string[] };
type V3 = { readonly heading: string; readonly tags: readonly string[] };

const registry = new UpcasterRegistry([
  // Registered out of order on purpose: the chain is by version, not by listing.
  upcaster<V2, V3>('PostDrafted', 2, ({ title, tags }) => ({ heading: title, tags })),
  upcaster<V1, V2>('PostDrafted', 1, ({ title }) => ({ title, tags: [] })),
]);

describe('UpcasterRegistry', () => {
  it('chains upcasters from the stored version to the current one', () => {
    expect(registry.upcast('PostDrafted', 1, { title: 'Hi' })).toEqual({
      data: { heading: 'Hi', tags: [] },
      schemaVersion: 3,
    });
    expect(registry.upcast('PostDrafted', 2, { title: 'Hi', tags: ['a'] })).toEqual({
      data: { heading: 'Hi', tags: ['a'] },
      schemaVersion: 3,
    });
  });

  it('leaves current data and types without upcasters untouched', () => {
    const current = { heading: 'Hi', tags: [] };
    expect(registry.upcast('PostDrafted', 3, current).data).toBe(current);
    expect(registry.upcast('PostPublished', 1, { at: 'x' })).toEqual({
      data: { at: 'x' },
      schemaVersion: 1,
    });
  });

  it('reports the version new events are written at', () => {
    expect(registry.currentVersion('PostDrafted')).toBe(3);
    expect(registry.currentVersion('PostPublished')).toBe(1);
  });

  it('does not mutate the stored data it upcasts', () => {
    const stored = Object.freeze({ title: 'Hi' });
    registry.upcast('PostDrafted', 1, stored);
    expect(stored).toEqual({ title: 'Hi' });
  });

  it('refuses data newer than the code knows', () => {
    expect(() => registry.upcast('PostDrafted', 4, {})).toThrow(UnknownSchemaVersionError);
    expect(() => registry.upcast('PostDrafted', 4, {})).toThrow(
      expect.objectContaining({ code: 'EVENTSTORE.UNKNOWN_SCHEMA_VERSION' }),
    );
  });

  it('refuses duplicate steps, gaps and invalid versions at construction', () => {
    const step = (from: number) => upcaster<V1, V1>('T', from, (data) => data);
    expect(() => new UpcasterRegistry([step(1), step(1)])).toThrow(/Two upcasters/);
    expect(() => new UpcasterRegistry([step(1), step(3)])).toThrow(/skip version 2/);
    expect(() => new UpcasterRegistry([step(0)])).toThrow(/invalid fromVersion/);
  });

  it('fails clearly when old rows predate the first registered step', () => {
    const fromTwo = new UpcasterRegistry([
      upcaster<V2, V3>('T', 2, (d) => ({ ...d, heading: '' })),
    ]);
    expect(() => fromTwo.upcast('T', 1, {})).toThrow(/No upcaster for "T" from version 1/);
  });
});
