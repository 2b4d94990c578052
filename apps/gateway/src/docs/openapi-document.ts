import type { StaticDocumentSpec } from '@fastify/swagger';
import { covers, isPublic } from '../routing/path-match';
import { ROUTING_TABLE } from '../routing/routing-table';
import { API_OPERATIONS, type ApiOperation } from './api-operations';

export type OpenApiDocument = Extract<StaticDocumentSpec['document'], { openapi: string }>;
type Operation = NonNullable<NonNullable<OpenApiDocument['paths'][string]>['get']>;
type Responses = Operation['responses'];
type Schema = NonNullable<NonNullable<OpenApiDocument['components']>['schemas']>[string];

/** Every refusal, whoever makes it, has this body (STYLE.md rule 6). */
const ERROR_BODY: Schema = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: {
    code: {
      type: 'string',
      description: 'Stable, machine-readable',
      example: 'AUTH.TOKEN_EXPIRED',
    },
    message: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
  },
};

const ERRORS: Readonly<Record<string, readonly [name: string, description: string]>> = {
  '400': ['BadRequest', 'Invalid input or malformed JSON (`MALFORMED_REQUEST`)'],
  '401': ['Unauthenticated', 'Token missing, expired or invalid (`AUTH.TOKEN_*`)'],
  '403': ['Forbidden', 'The token lacks the role (`AUTH.FORBIDDEN`)'],
  '404': ['NotFound', 'No such route or resource (`NOT_FOUND`)'],
  '409': ['Conflict', 'A concurrent change or a saga lock (`LOCKED`, details name the saga)'],
  '413': ['PayloadTooLarge', 'The body exceeds the limit (`PAYLOAD_TOO_LARGE`)'],
  '414': ['UriTooLong', 'A path segment is longer than any id (`URI_TOO_LONG`)'],
  '415': ['UnsupportedMediaType', 'The body is not UTF-8 JSON (`UNSUPPORTED_MEDIA_TYPE`)'],
  '422': ['Unprocessable', 'Well-formed but refused by a business rule'],
  '429': ['RateLimited', 'Too many requests (`RATE_LIMITED`); see `Retry-After`'],
  '503': [
    'Unavailable',
    'Upstream down, circuit open or shedding load (`UPSTREAM_UNAVAILABLE`, `CIRCUIT_OPEN`, `AUTH.BUSY`); see `Retry-After`',
  ],
  '504': ['UpstreamTimeout', 'The upstream did not answer in time (`UPSTREAM_TIMEOUT`)'],
};

const errorRef = (status: string) => ({
  $ref: `#/components/responses/${ERRORS[status]?.[0] ?? 'NotFound'}`,
});

function responsesOf(operation: ApiOperation, open: boolean): Responses {
  const writes = operation.method !== 'get';
  const statuses = [
    '400',
    ...(open ? [] : ['401']),
    ...(operation.admin ? ['403'] : []),
    '404',
    ...(operation.path.includes('{') ? ['414'] : []),
    ...(writes ? ['415'] : []),
    ...(writes && !operation.admin ? ['409', '413', '422'] : []),
    '429',
    '503',
    ...(operation.admin ? [] : ['504']),
  ];
  return {
    '200': { description: 'Success: the owning service’s answer, passed through' },
    ...Object.fromEntries(statuses.map((status) => [status, errorRef(status)])),
  };
}

function operationOf(operation: ApiOperation): Operation {
  const open = !operation.admin && isPublic(operation.method.toUpperCase(), operation.path);
  const upstream = ROUTING_TABLE.find((route) => covers(route, operation.path))?.upstream;
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  return {
    tags: [operation.tag],
    summary: operation.summary,
    operationId: `${operation.method}${operation.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(upstream ? { description: `Served by the ${upstream} service.` } : {}),
    parameters: names.map((name) => ({
      name,
      in: 'path' as const,
      required: true,
      schema: { type: 'string' as const },
    })),
    ...(['post', 'put', 'patch'].includes(operation.method)
      ? {
          requestBody: { content: { 'application/json': { schema: { type: 'object' as const } } } },
        }
      : {}),
    security: open ? [] : [{ bearerAuth: [] }],
    responses: responsesOf(operation, open),
  };
}

const API_DESCRIPTION = [
  'Every route goes through the gateway. Errors are always `{ code, message, details? }`; ' +
    'every response carries `x-request-id`.',
  'Request bodies are UTF-8 JSON (`application/json` or `+json`; anything else is 415), nested ' +
    'at most 32 levels and holding at most 10,000 values; a member a route does not name is ' +
    'refused (400), never ignored. An empty body with a JSON content type counts as no body.',
  'Cross-service work runs as sagas. While one holds a resource, conflicting commands get ' +
    '`409 LOCKED` naming it in `details` (`sagaId`, `sagaType`). Other services learn of a lock ' +
    'through the event stream, a few milliseconds later: a command they accept in that window ' +
    'is then brought in line by the saga. For example, a draft created just after its blog went ' +
    'DELETING is accepted (201) and then ARCHIVED with the blog’s other posts; a client that ' +
    'needs certainty reads the resource again.',
].join('\n\n');

/** The public API as the gateway exposes it: routing table, access rules and error body. */
export function buildOpenApiDocument(version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of API_OPERATIONS) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationOf(operation),
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Blog API',
      version,
      description: API_DESCRIPTION,
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorBody: ERROR_BODY },
      responses: Object.fromEntries(
        Object.values(ERRORS).map(([name, description]) => [
          name,
          {
            description,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
          },
        ]),
      ),
    },
  };
}
