import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SERVICE_NAMES } from '@blog/chassis';
import { z } from 'zod';

// docker compose imports infra/docker/kibana/saved-objects.ndjson into Kibana (kibana-setup).
// Nothing else reads the file, so nothing else would notice it rot: a service added without
// its search, a search pointing at a data view that is not there, a query on a field the
// services stopped writing.

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

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
      kibanaSavedObjectMeta: z.object({ searchSourceJSON: z.string() }),
    }),
    references: z.array(reference),
  }),
]);
const searchSource = z.object({
  query: z.object({ query: z.string(), language: z.literal('kuery') }),
  indexRefName: z.string(),
});

const objects = read('infra/docker/kibana/saved-objects.ndjson')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => savedObject.parse(JSON.parse(line)));
const dataViews = objects.flatMap((o) => (o.type === 'index-pattern' ? [o] : []));
const searches = objects.flatMap((o) => (o.type === 'search' ? [o] : []));

/** The query of a search and the data view it reads, resolved through its references. */
function resolved(search: (typeof searches)[number]) {
  const source = searchSource.parse(
    JSON.parse(search.attributes.kibanaSavedObjectMeta.searchSourceJSON),
  );
  const view = search.references.find((r) => r.name === source.indexRefName);
  return { query: source.query.query, view };
}

describe('Kibana saved objects', () => {
  it('define one data view over the Filebeat indices, on @timestamp', () => {
    expect(dataViews).toHaveLength(1);
    expect(dataViews[0]?.attributes).toMatchObject({
      title: 'filebeat-*',
      timeFieldName: '@timestamp',
    });
  });

  it.each(SERVICE_NAMES)('have a saved search for %s on the data view', (service) => {
    const matching = searches.filter((s) => resolved(s).query === `service.name : "${service}"`);
    expect(matching).toHaveLength(1);
    const [search] = matching;
    if (!search) return;
    expect(resolved(search).view).toEqual({
      id: dataViews[0]?.id,
      name: 'kibanaSavedObjectMeta.searchSourceJSON.index',
      type: 'index-pattern',
    });
  });

  it('have a "saga by id" search over labels.saga_id on the data view, showing the service', () => {
    const saga = searches.find((s) => s.attributes.title === 'saga by id');
    expect(saga).toBeDefined();
    if (!saga) return;
    expect(resolved(saga).query).toMatch(/^labels\.saga_id : /);
    expect(resolved(saga).view).toMatchObject({ id: dataViews[0]?.id, type: 'index-pattern' });
    expect(saga.attributes.columns).toContain('service.name');
  });

  it('give every object its own id', () => {
    expect(new Set(objects.map((o) => o.id)).size).toBe(objects.length);
    expect(searches).toHaveLength(SERVICE_NAMES.length + 1);
  });

  it('are imported by the compose one-shot, with Elastic images of one pinned version', () => {
    const compose = read('docker-compose.yml');
    expect(compose).toContain('./infra/docker/kibana:/kibana:ro');
    expect(read('infra/docker/kibana/provision.sh')).toContain('saved-objects.ndjson');
    const versions = [...compose.matchAll(/docker\.elastic\.co\/[a-z]+\/[a-z]+:(\S+)/g)].map(
      (match) => match[1],
    );
    expect(versions).toHaveLength(3);
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
