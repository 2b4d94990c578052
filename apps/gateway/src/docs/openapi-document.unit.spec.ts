import { covers } from '../routing/path-match';
import { ROUTING_TABLE } from '../routing/routing-table';
import { API_OPERATIONS } from './api-operations';
import { buildOpenApiDocument } from './openapi-document';

describe('the OpenAPI document', () => {
  it('documents only paths the gateway routes or serves itself', () => {
    for (const operation of API_OPERATIONS) {
      const routed = ROUTING_TABLE.some((route) => covers(route, operation.path));
      expect({ path: operation.path, served: routed || operation.admin === true }).toEqual({
        path: operation.path,
        served: true,
      });
    }
  });

  it('marks public operations open and the rest as needing a bearer token', () => {
    const { paths } = buildOpenApiDocument('1.0.0');
    expect(paths['/api/auth/register']?.post?.security).toEqual([]);
    expect(paths['/api/visits']?.post?.security).toEqual([]);
    expect(paths['/api/blogs']?.post?.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/admin/sagas']?.get?.security).toEqual([{ bearerAuth: [] }]);
  });
});
