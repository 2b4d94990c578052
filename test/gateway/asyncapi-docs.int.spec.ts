import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call } from './support/http';

// The messages' AsyncAPI document beside the OpenAPI one, served by a real gateway: the
// committed document as JSON and YAML, and a page a person can read.

const committed = JSON.parse(
  readFileSync(resolve(__dirname, '../../apps/gateway/src/docs/asyncapi.json'), 'utf8'),
) as {
  channels: Record<string, { address: string }>;
  components: { messages: Record<string, unknown> };
};

describe('gateway AsyncAPI document', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await bootGateway({});
  });
  afterAll(() => gateway?.close());

  it('serves the committed document as JSON at /docs/asyncapi/json', async () => {
    const answered = await call(gateway.url, '/docs/asyncapi/json');
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answered.json).toEqual(committed);
  });

  it('serves the same document as YAML at /docs/asyncapi/yaml', async () => {
    const answered = await call(gateway.url, '/docs/asyncapi/yaml');
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toMatch(/^application\/x-yaml/);
    expect(parse(answered.text)).toEqual(committed);
  });

  it('renders every topic and message type on /docs/asyncapi, with no script', async () => {
    const page = await call(gateway.url, '/docs/asyncapi');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    for (const { address } of Object.values(committed.channels)) {
      expect(page.text).toContain(`<h2>${address}</h2>`);
    }
    for (const type of Object.keys(committed.components.messages)) {
      expect(page.text).toContain(`id="message-${type}"`);
    }
    expect(page.text).not.toMatch(/<script/i);
  });

  it('leaves the OpenAPI document and Swagger UI where they were', async () => {
    expect((await call(gateway.url, '/docs/json')).json).toMatchObject({ openapi: '3.1.0' });
    expect((await call(gateway.url, '/docs/')).text).toMatch(/swagger/i);
  });
});
