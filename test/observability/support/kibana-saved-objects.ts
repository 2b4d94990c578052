import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** What docker compose imports into Kibana (kibana-setup): a data view and saved searches. */
export const SAVED_OBJECTS_FILE = resolve(
  __dirname,
  '../../../infra/docker/kibana/saved-objects.ndjson',
);

const reference = z.object({ id: z.string(), name: z.string(), type: z.string() });
const savedObject = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('index-pattern'),
    id: z.string(),
    attributes: z.object({ title: z.string(), timeFieldName: z.string() }),
  }),
  z.object({
    type: z.literal('search'),
    id: z.string(),
    attributes: z.object({
      title: z.string(),
      columns: z.array(z.string()),
      sort: z.array(z.tuple([z.string(), z.enum(['asc', 'desc'])])),
      kibanaSavedObjectMeta: z.object({ searchSourceJSON: z.string() }),
    }),
    references: z.array(reference),
  }),
]);
const searchSource = z.object({
  query: z.object({ query: z.string(), language: z.literal('kuery') }),
  indexRefName: z.string(),
});

export type SavedObject = z.output<typeof savedObject>;
export type DataView = Extract<SavedObject, { type: 'index-pattern' }>;
export type SavedSearch = Extract<SavedObject, { type: 'search' }>;

export const savedObjects: readonly SavedObject[] = readFileSync(SAVED_OBJECTS_FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => savedObject.parse(JSON.parse(line)));
export const dataViews = savedObjects.flatMap((o) => (o.type === 'index-pattern' ? [o] : []));
export const savedSearches = savedObjects.flatMap((o) => (o.type === 'search' ? [o] : []));

/** The KQL of a search and the data view it reads, resolved through its references. */
export function resolvedSearch(search: SavedSearch) {
  const source = searchSource.parse(
    JSON.parse(search.attributes.kibanaSavedObjectMeta.searchSourceJSON),
  );
  const view = search.references.find((r) => r.name === source.indexRefName);
  return { query: source.query.query, view };
}

const PHRASE = /^\s*([\w.@]+)\s*:\s*"([^"]*)"\s*$/;
const EXISTS = /^\s*([\w.@]+)\s*:\s*\*\s*$/;

/**
 * Elasticsearch's query for the two KQL forms the saved searches use, as Kibana builds it
 * (`field : "value"` is a match_phrase, `field : *` an exists); any other form throws, so a
 * richer saved query fails loudly instead of being checked wrongly.
 */
export function queryOfKql(kql: string): { field: string; query: Record<string, unknown> } {
  const phrase = PHRASE.exec(kql);
  if (phrase) {
    const [, field = '', value = ''] = phrase;
    return { field, query: { match_phrase: { [field]: value } } };
  }
  const exists = EXISTS.exec(kql);
  if (exists) {
    const [, field = ''] = exists;
    return { field, query: { exists: { field } } };
  }
  throw new Error(`KQL form not translated: ${kql}`);
}
