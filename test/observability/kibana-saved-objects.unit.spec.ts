import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SERVICE_NAMES } from '@blog/chassis';
import {
  dataViews,
  queryOfKql,
  resolvedSearch as resolved,
  savedObjects as objects,
  savedSearches as searches,
} from './support/kibana-saved-objects';

// docker compose imports infra/docker/kibana/saved-objects.ndjson into Kibana (kibana-setup).
// The log-search spec runs these searches against a real Elasticsearch; this checks their
// shape, so a service added without its search or a search on another data view fails fast.

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

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

  it('use only KQL forms the log-search spec can run as Kibana does', () => {
    for (const search of searches) expect(() => queryOfKql(resolved(search).query)).not.toThrow();
  });

  it('are imported by the compose one-shot, whose Elastic images are the versions the local stack runs', () => {
    const compose = read('docker-compose.yml');
    expect(compose).toMatch(/\.\/infra\/docker\/kibana:\/kibana:ro/);
    expect(read('infra/docker/kibana/provision.sh')).toContain('saved-objects.ndjson');
    const image = (name: string) =>
      new RegExp(`docker\\.elastic\\.co/[a-z]+/${name}:(\\S+)`).exec(compose)?.[1];
    const elasticsearch = /<elasticsearch\.version>([^<]+)</.exec(
      read('infra/local/elasticsearch/pom.xml'),
    )?.[1];
    const filebeat = /github\.com\/elastic\/beats\/v7 v(\S+)/.exec(
      read('infra/local/filebeat/go.mod'),
    )?.[1];
    expect(elasticsearch).toMatch(/^\d+\.\d+\.\d+$/);
    expect(image('elasticsearch')).toBe(elasticsearch);
    expect(image('kibana')).toBe(elasticsearch);
    expect(image('filebeat')).toBe(filebeat);
  });
});
