import type { JsonSchema } from '../payload-schema';

/**
 * What two versions of a payload's JSON Schema differ in that a reader could notice. Every
 * constraint counts both ways: narrowed, a message written before the change may fail the new
 * check (a backlog, a replay, a dead letter re-driven); widened, a message written after it may
 * fail the check of a consumer still running the old build. So the only compatible changes are
 * annotations and optional fields added or removed: consumers drop fields they do not know
 * (`additionalProperties` is not read here for that reason).
 */
export function breakingChanges(before: JsonSchema, after: JsonSchema, path = '$'): string[] {
  return [
    ...propertyChanges(before, after, path),
    ...(isSchema(before['items']) && isSchema(after['items'])
      ? breakingChanges(before['items'], after['items'], `${path}[]`)
      : []),
    ...keywordsOf(before, after).flatMap((keyword) => keywordChange(before, after, keyword, path)),
  ];
}

/** Read by nobody who validates: descriptions, examples, ids, and how unknown fields fare. */
const IGNORED = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'examples',
  'default',
  'additionalProperties',
  'properties',
  'required',
]);

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const propertiesOf = (schema: JsonSchema): Readonly<Record<string, JsonSchema>> =>
  isSchema(schema['properties']) ? (schema['properties'] as Record<string, JsonSchema>) : {};

const requiredOf = (schema: JsonSchema): ReadonlySet<string> =>
  new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);

function propertyChanges(before: JsonSchema, after: JsonSchema, path: string): string[] {
  const [was, is] = [propertiesOf(before), propertiesOf(after)];
  const [wasRequired, isRequired] = [requiredOf(before), requiredOf(after)];
  const changes: string[] = [];
  for (const name of new Set([...Object.keys(was), ...Object.keys(is)])) {
    const field = `${path}.${name}`;
    const [old, now] = [was[name], is[name]];
    if (old && !now) {
      if (wasRequired.has(name)) changes.push(`${field}: removed, and consumers require it`);
    } else if (!old && now) {
      if (isRequired.has(name))
        changes.push(`${field}: new and required, and older messages lack it`);
    } else if (old && now) {
      if (wasRequired.has(name) && !isRequired.has(name)) {
        changes.push(`${field}: made optional, and consumers require it`);
      }
      if (!wasRequired.has(name) && isRequired.has(name)) {
        changes.push(`${field}: made required, and older messages may lack it`);
      }
      changes.push(...breakingChanges(old, now, field));
    }
  }
  return changes;
}

const keywordsOf = (before: JsonSchema, after: JsonSchema) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (keyword) => !IGNORED.has(keyword) && keyword !== 'items',
  );

const UPPER_BOUNDS = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems']);
const LOWER_BOUNDS = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems']);

function keywordChange(
  before: JsonSchema,
  after: JsonSchema,
  keyword: string,
  path: string,
): string[] {
  const [old, now] = [before[keyword], after[keyword]];
  if (JSON.stringify(old) === JSON.stringify(now)) return [];
  const shown = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));
  return [`${path}: ${keyword} ${shown(old)} → ${shown(now)} (${direction(keyword, old, now)})`];
}

/** Narrowed: fewer values pass; widened: more do; changed: some of each. */
function direction(keyword: string, old: unknown, now: unknown): string {
  if (old === undefined) return 'narrowed';
  if (now === undefined) return 'widened';
  if (typeof old === 'number' && typeof now === 'number') {
    if (UPPER_BOUNDS.has(keyword)) return now < old ? 'narrowed' : 'widened';
    if (LOWER_BOUNDS.has(keyword)) return now > old ? 'narrowed' : 'widened';
  }
  if (keyword === 'type' || keyword === 'enum') {
    const [was, is] = [new Set([old].flat()), new Set([now].flat())];
    if ([...is].every((value) => was.has(value))) return 'narrowed';
    if ([...was].every((value) => is.has(value))) return 'widened';
  }
  return 'changed';
}
