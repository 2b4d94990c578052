import { execFile } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { ROOT, RUN_TIMEOUT_MS, runValidate, TOOLS_TIMEOUT_MS } from './run-validate';

// The requirement: the chart's KafkaConnectors and the connectors the local stack
// (and compose) register are generated from the same template. The chart's copy must be the
// template itself, and what each path produces from it must be the same configuration.

const TEMPLATE = 'infra/connectors/outbox-connector.template.json';
const CHART_COPY = 'deploy/helm/blog-backend/files/outbox-connector.template.json';
// What the chart fills the template's placeholders with (release "blog" in namespace "blog").
const CHART_FILLS = {
  DB_HOST: 'blog-pg-rw',
  DB_PORT: '5432',
  DB_USER: '${secrets:blog/blog-pg-app:username}',
  DB_PASSWORD: '${secrets:blog/blog-pg-app:password}',
  DB_NAME_PREFIX: 'blog_',
  POLL_INTERVAL_MS: '20',
};

type Config = Record<string, string>;

/** The chart's KafkaConnectors, as the connector config Connect would receive, by name. */
async function renderedConnectors(): Promise<Map<string, Config>> {
  const run = await runValidate(
    'helm',
    'template',
    'blog',
    'deploy/helm/blog-backend',
    '--namespace',
    'blog',
    '-f',
    'deploy/validate/values/everything.yaml',
  );
  expect(run.status, run.output).toBe(0);
  const connectors = new Map<string, Config>();
  for (const doc of parseAllDocuments(run.output.replace(/^level=INFO .*$/gm, ''))) {
    const object = doc.toJS() as {
      kind?: string;
      metadata: { name: string };
      spec: { class: string; tasksMax: number; config: Config };
    } | null;
    if (object?.kind !== 'KafkaConnector') continue;
    const { class: connectorClass, tasksMax, config } = object.spec;
    connectors.set(object.metadata.name, {
      ...config,
      'connector.class': connectorClass,
      'tasks.max': String(tasksMax),
    });
  }
  return connectors;
}

/** What infra/connectors/register.sh PUTs to Connect, caught by a stand-in on loopback. */
async function registeredConnectors(): Promise<Map<string, Config>> {
  const registered = new Map<string, Config>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const name = /^\/connectors\/([^/]+)\/config$/.exec(request.url ?? '')?.[1];
      if (request.method === 'PUT' && name) registered.set(name, JSON.parse(body) as Config);
      response.writeHead(request.method === 'PUT' ? 201 : 204).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  try {
    await promisify(execFile)('sh', [resolve(ROOT, 'infra/connectors/register.sh')], {
      env: { ...process.env, ...CHART_FILLS, CONNECT_URL: `http://127.0.0.1:${port}` },
    });
  } finally {
    await new Promise((closed) => server.close(closed));
  }
  return registered;
}

describe('the chart’s connectors and the local stack’s', () => {
  beforeAll(async () => {
    const tools = await runValidate('tools');
    expect(tools.status, tools.output).toBe(0);
  }, TOOLS_TIMEOUT_MS);

  it('read one template: the chart’s file is a link to infra/connectors’', () => {
    expect(realpathSync(resolve(ROOT, CHART_COPY))).toBe(realpathSync(resolve(ROOT, TEMPLATE)));
  });

  it(
    'give Connect the same configuration for every outbox service',
    async () => {
      const [rendered, registered] = await Promise.all([
        renderedConnectors(),
        registeredConnectors(),
      ]);
      expect([...rendered.keys()].sort()).toEqual(
        ['auth', 'blog', 'post', 'subscribe', 'user', 'visitor'].map((svc) => `outbox-${svc}`),
      );
      expect([...rendered.keys()].sort()).toEqual([...registered.keys()].sort());
      for (const [name, config] of rendered) expect(config, name).toEqual(registered.get(name));
      // Every key of the template reaches the chart's connectors, none was dropped or added.
      const templateKeys = Object.keys(JSON.parse(readFileSync(resolve(ROOT, TEMPLATE), 'utf8')));
      expect(Object.keys(rendered.get('outbox-auth') ?? {}).sort()).toEqual(templateKeys.sort());
    },
    RUN_TIMEOUT_MS,
  );
});
