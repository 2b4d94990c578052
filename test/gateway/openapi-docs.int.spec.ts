import { OPENAPI_DOCUMENT } from '@blog/api';
import { ROUTING_TABLE } from '../../apps/gateway/src/routing/routing-table';
import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call } from './support/http';

describe('gateway OpenAPI document', () => {
  let gateway: RunningGateway;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    gateway = await bootGateway({});
    const answered = await call(gateway.url, '/docs/json');
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toMatch(/^application\/json/);
    document = answered.json as Record<string, unknown>;
  });
  afterAll(() => gateway?.close());

  it('serves the committed OpenAPI 3.1 document as it is', () => {
    expect(document['openapi']).toBe('3.1.0');
    expect(document).toEqual(OPENAPI_DOCUMENT);
  });

  it('lists a path under every entry of the routing table, and the admin routes', () => {
    const paths = Object.keys(document['paths'] as object);
    for (const route of ROUTING_TABLE) {
      expect({
        route: route.path,
        documented: paths.some((p) => p === route.path || p.startsWith(`${route.path}/`)),
      }).toEqual({ route: route.path, documented: true });
    }
    expect(paths).toEqual(expect.arrayContaining(['/admin/sagas', '/admin/sagas/{sagaId}/replay']));
  });

  it('serves Swagger UI at /docs', async () => {
    const page = await call(gateway.url, '/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/swagger/i);
  });
});
