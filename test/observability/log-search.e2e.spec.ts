import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SERVICE_NAMES } from '@blog/chassis';
import { newPerson, signUp, stackCommand } from '@blog/testing';
import {
  dataViews,
  queryOfKql,
  resolvedSearch,
  type SavedSearch,
  savedSearches,
} from './support/kibana-saved-objects';

// The log path to ELK, as far as this machine allows: Elasticsearch 8.17.4 and Filebeat
// (the same version and filebeat.yml docker compose runs) ship the services' own log files,
// and Kibana's saved searches, run as Kibana runs them, find what an operator looks for.
// Kibana itself cannot run here; its saved objects are all it needs from this path.

const ES = 'http://127.0.0.1:9200';
const LOGS = resolve(__dirname, '../../.stack/logs');
/** Filebeat 7.17 from source on a machine that never built it: minutes, once. */
const FIRST_START_MS = 900_000;

interface SearchAnswer {
  hits: { total: { value: number } };
  /** Absent while no index matches the data view yet (Filebeat has not written one). */
  aggregations?: { services: { buckets: { key: string; doc_count: number }[] } };
}

async function es<T>(method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${ES}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const [dataView] = dataViews;
const pattern = dataView?.attributes.title ?? 'no data view';

/** A saved search as Kibana's Discover runs it (its sort and columns), counted by service. */
function runSearch(search: SavedSearch, kql = resolvedSearch(search).query) {
  return es<SearchAnswer>('POST', `/${pattern}/_search`, {
    size: 500,
    track_total_hits: true,
    query: queryOfKql(kql).query,
    sort: search.attributes.sort.map(([field, order]) => ({ [field]: { order } })),
    _source: ['@timestamp', 'service.name', ...search.attributes.columns],
    aggs: { services: { terms: { field: 'service.name', size: 50 } } },
  });
}

const countsOf = (answer: SearchAnswer) =>
  Object.fromEntries(
    (answer.aggregations?.services.buckets ?? []).map((b) => [b.key, b.doc_count]),
  );

/** Per service, the lines of its own log files (one per instance) that belong to the saga. */
async function sagaLinesInFiles(sagaId: string): Promise<Record<string, number>> {
  const files = await readdir(LOGS);
  const counts: Record<string, number> = {};
  for (const service of SERVICE_NAMES) {
    const own = files.filter((file) => new RegExp(`^${service}(-\\d+)?\\.log$`).test(file));
    for (const file of own) {
      const text = await readFile(resolve(LOGS, file), 'utf8');
      const mine = text.split('\n').filter((line) => {
        if (!line.includes(sagaId)) return false;
        try {
          return (JSON.parse(line) as Record<string, unknown>)['labels.saga_id'] === sagaId;
        } catch {
          return false;
        }
      });
      if (mine.length > 0) counts[service] = (counts[service] ?? 0) + mine.length;
    }
  }
  return counts;
}

/** Per-service counts, whatever order each source lists the services in. */
const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([service, count]) => b[service] === count);

describe('log search (Elasticsearch + Filebeat, Kibana’s saved searches)', () => {
  beforeAll(() => stackCommand('infra/local/elk.sh', ['up'], FIRST_START_MS), FIRST_START_MS);
  afterAll(() => stackCommand('infra/local/elk.sh', ['down']));

  it('finds a saga’s lines in every service it touched with the “saga by id” search', async () => {
    const { sagaId, status } = await signUp(newPerson());
    expect(status).toBe('ACTIVE');
    const search = savedSearches.find((s) => s.id === 'blog-saga-by-id');
    if (!search) throw new Error('no saved search blog-saga-by-id');
    const kql = resolvedSearch(search).query.replace('*', `"${sagaId}"`);

    // Done when Elasticsearch holds, per service, every line the files hold for this saga.
    let inFiles: Record<string, number> = {};
    let found: Record<string, number> = {};
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      inFiles = await sagaLinesInFiles(sagaId);
      await es('POST', `/${pattern}/_refresh`);
      found = countsOf(await runSearch(search, kql));
      if (Object.keys(inFiles).length > 0 && sameCounts(found, inFiles)) {
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    process.stdout.write(`saga ${sagaId} in Elasticsearch: ${JSON.stringify(found)}\n`);
    expect(found).toEqual(inFiles);
    // A sign-up is auth's and user's at least: the search spans services, not one file.
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['auth', 'user']));
  });

  it.each(SERVICE_NAMES)(
    'finds %s’s lines, and only its, with its saved search',
    async (service) => {
      const search = savedSearches.find(
        (s) => resolvedSearch(s).query === `service.name : "${service}"`,
      );
      if (!search) throw new Error(`no saved search for ${service}`);
      const answer = await runSearch(search);
      expect(answer.hits.total.value).toBeGreaterThan(0);
      expect(Object.keys(countsOf(answer))).toEqual([service]);
    },
  );

  it('maps every field the saved searches name, in every index the data view matches', async () => {
    const fields = new Set([dataView?.attributes.timeFieldName ?? '@timestamp']);
    for (const search of savedSearches) {
      fields.add(queryOfKql(resolvedSearch(search).query).field);
      for (const column of search.attributes.columns) fields.add(column);
      for (const [field] of search.attributes.sort) fields.add(field);
    }
    type FieldMappings = Record<string, { mappings: Record<string, { mapping: object }> }>;
    const mapped = await es<FieldMappings>(
      'GET',
      `/${pattern}/_mapping/field/${[...fields].join(',')}`,
    );
    expect(Object.keys(mapped).length).toBeGreaterThan(0);
    for (const [index, { mappings }] of Object.entries(mapped)) {
      expect({ index, fields: Object.keys(mappings).sort() }).toEqual({
        index,
        fields: [...fields].sort(),
      });
      const timeField = mappings[dataView?.attributes.timeFieldName ?? '@timestamp']?.mapping;
      expect(Object.values(timeField ?? {})[0]).toMatchObject({ type: 'date' });
    }
  });
});
