import { z } from 'zod';
import { defineMessage, type MessageUpcasters } from '../message-contract';
import { payloadSchemaOf, schemaSnapshotOf, type JsonSchema } from '../payload-schema';
import { breakingChanges } from './compatibility';
import { evolutionProblems } from './schema-evolution';

const Id = z.uuid();
const postId = '7d4c2b1a-9e8f-4a6b-b5c4-3d2e1f0a9b03';
const v1Fields = { postId: Id, title: z.string().min(1).max(200), tags: z.array(z.string()) };

/** A message of one test, at any version, with any fields. */
function probe<Shape extends z.ZodRawShape>(
  shape: Shape,
  example: z.output<z.ZodObject<Shape>>,
  schemaVersion = 1,
  upcasters?: MessageUpcasters,
) {
  return defineMessage({
    aggregateType: 'probe',
    publisher: 'probe',
    type: 'Drafted',
    schemaVersion,
    schema: z.object(shape),
    key: 'postId' as Extract<keyof z.output<z.ZodObject<Shape>>, string>,
    example,
    ...(upcasters ? { upcasters } : {}),
  });
}

const v1 = probe(v1Fields, { postId, title: 'Hello', tags: ['a'] });
const history = (...snapshots: [number, JsonSchema][]) => new Map(snapshots);
const schemaOf = (shape: z.ZodRawShape) => payloadSchemaOf(probe(shape, {} as never));

describe('breakingChanges: what a reader on either side of a change would notice', () => {
  it('finds none between a schema and itself, or where only annotations differ', () => {
    const before = schemaSnapshotOf(v1);
    expect(breakingChanges(before, { ...before, description: 'other', examples: [] })).toEqual([]);
  });

  it('lets an optional field come and go: consumers drop fields they do not know', () => {
    const withOptional = schemaOf({ ...v1Fields, excerpt: z.string().optional() });
    expect(breakingChanges(schemaOf(v1Fields), withOptional)).toEqual([]);
    expect(breakingChanges(withOptional, schemaOf(v1Fields))).toEqual([]);
  });

  it('names a removed or renamed field, and a new required one', () => {
    const { title: _title, ...rest } = v1Fields;
    expect(breakingChanges(schemaOf(v1Fields), schemaOf({ ...rest, heading: z.string() }))).toEqual(
      [
        '$.title: removed, and consumers require it',
        '$.heading: new and required, and older messages lack it',
      ],
    );
  });

  it('names a field made optional or required', () => {
    const optionalTitle = schemaOf({ ...v1Fields, title: v1Fields.title.optional() });
    expect(breakingChanges(schemaOf(v1Fields), optionalTitle)).toEqual([
      '$.title: made optional, and consumers require it',
    ]);
    expect(breakingChanges(optionalTitle, schemaOf(v1Fields))).toEqual([
      '$.title: made required, and older messages may lack it',
    ]);
  });

  it('names a type narrowed, widened or changed, down to array items', () => {
    const changed = schemaOf({
      postId: z.string(),
      title: z.string().min(1).max(100),
      tags: z.array(z.number()),
    });
    expect(breakingChanges(schemaOf(v1Fields), changed)).toEqual([
      '$.postId: format "uuid" → none (widened)',
      expect.stringMatching(/^\$\.postId: pattern ".+" → none \(widened\)$/),
      '$.title: maxLength 200 → 100 (narrowed)',
      '$.tags[]: type "string" → "number" (changed)',
    ]);
    expect(breakingChanges(changed, schemaOf(v1Fields))).toContain(
      '$.title: maxLength 100 → 200 (widened)',
    );
  });
});

describe('evolutionProblems: a contract against its committed history', () => {
  it('accepts a contract equal to its snapshot', () => {
    expect(evolutionProblems(v1, history([1, schemaSnapshotOf(v1)]))).toEqual([]);
  });

  it('refuses a breaking change without a new version, naming the change and the way out', () => {
    const { title: _title, ...rest } = v1Fields;
    const changed = probe(rest, { postId, tags: [] });
    expect(evolutionProblems(changed, history([1, schemaSnapshotOf(v1)]))).toEqual([
      'Drafted v1 changed incompatibly with its committed snapshot ($.title: removed, and consumers require it): ' +
        'keep the change compatible, or make it v2 with an upcaster from v1 (docs/contracts.md, "Changing a message")',
    ]);
  });

  const v2Fields = { postId: Id, heading: z.string().min(1).max(200), tags: z.array(z.string()) };
  type V1 = z.output<typeof v1.schema>;

  it('refuses a new version that no upcaster reads the old one into', () => {
    const v2 = probe(v2Fields, { postId, heading: 'Hello', tags: [] }, 2);
    expect(evolutionProblems(v2, history([1, schemaSnapshotOf(v1)]))).toEqual([
      expect.stringMatching(/^Drafted: v1 has a snapshot but no upcaster from it to v2: /),
    ]);
  });

  it('accepts a new version whose upcaster turns the old example into a valid payload', () => {
    const v2 = probe(v2Fields, { postId, heading: 'Hello', tags: [] }, 2, {
      1: ({ title, ...rest }: V1) => ({ ...rest, heading: title }),
    });
    expect(evolutionProblems(v2, history([1, schemaSnapshotOf(v1)]))).toEqual([]);
    expect(v2.upcast(1, v1.example)).toEqual({ postId, heading: 'Hello', tags: ['a'] });
  });

  it('refuses an upcaster whose output the new version refuses', () => {
    const v2 = probe(v2Fields, { postId, heading: 'Hello', tags: [] }, 2, {
      1: ({ title: _title, ...rest }: V1) => rest,
    });
    expect(evolutionProblems(v2, history([1, schemaSnapshotOf(v1)]))).toEqual([
      expect.stringMatching(/^Drafted: the v1 example, upcast, is refused by v2: heading: /),
    ]);
  });

  it('refuses a snapshot newer than the contract, and a read version with no snapshot', () => {
    const v2 = probe(v2Fields, { postId, heading: 'Hello', tags: [] }, 2, {
      1: ({ title, ...rest }: V1) => ({ ...rest, heading: title }),
    });
    expect(evolutionProblems(v1, history([2, schemaSnapshotOf(v2)]))).toEqual([
      'Drafted: v2 has a snapshot, but the contract is at v1',
    ]);
    expect(evolutionProblems(v2, history())).toEqual([
      'Drafted: reads v1, but no snapshot of v1 is committed',
    ]);
  });
});
