import { ROUTING_TABLE } from '../../apps/gateway/src/routing/routing-table';
import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call } from './support/http';
import { openApiProblems } from './support/openapi-check';

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

  it('is a well-formed OpenAPI 3 document', () => {
    expect(document['openapi']).toMatch(/^3\.0\.\d+$/);
    expect(openApiProblems(document)).toEqual([]);
  });

  it('lists a path under every entry of the routing table, and the admin routes', () => {
    const paths = Object.keys(document['paths'] as object);
    for (const route of ROUTING_TABLE) {
      expect({
        route: route.path,
        documented: paths.some((p) => p === route.path || p.startsWith(`${route.path}/`)),
      }).toEqual({
        route: route.path,
        documented: true,
      });
    }
    expect(paths).toEqual(expect.arrayContaining(['/admin/sagas', '/admin/sagas/{sagaId}/replay']));
  });

  it('describes the bearer scheme, which routes need it, and the error body', () => {
    const paths = document['paths'] as Record<
      string,
      Record<string, { security: unknown[]; responses: Record<string, unknown> }>
    >;
    expect(document).toMatchObject({
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        schemas: {
          ErrorBody: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              details: { type: 'object' },
            },
          },
        },
      },
    });
    expect(paths['/api/auth/login']?.['post']?.security).toEqual([]);
    expect(paths['/api/posts/{postId}']?.['get']?.security).toEqual([]);
    expect(paths['/api/posts/{postId}']?.['patch']?.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/admin/sagas']?.['get']?.responses).toHaveProperty('403');
    expect(paths['/api/feed']?.['get']?.responses).toMatchObject({
      '401': { $ref: '#/components/responses/Unauthenticated' },
      '429': { $ref: '#/components/responses/RateLimited' },
      '504': { $ref: '#/components/responses/UpstreamTimeout' },
    });
  });

  it('serves Swagger UI at /docs', async () => {
    const page = await call(gateway.url, '/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/swagger/i);
  });
});
