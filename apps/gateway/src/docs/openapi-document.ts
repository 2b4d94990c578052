import {
  type DocumentedOperation,
  DocumentSchemas,
  documentRoutes,
  type JsonObject,
  type Refusal,
  responsesOf,
  type Route,
} from '@blog/chassis';
import { publicPathOf } from '../routing/path-match';
import { ROUTING_TABLE } from '../routing/routing-table';
import type { UpstreamName } from '../routing/upstream-names';

/** The routes one service declares (libs/chassis `declaredRoutesOf`). */
export interface ServiceRoutes {
  readonly service: UpstreamName;
  readonly routes: readonly Route[];
}

/** What the edge itself can answer on any route, before or instead of a service. */
const EDGE_REFUSALS: readonly Refusal[] = [
  {
    status: 429,
    code: 'RATE_LIMITED',
    when: 'too many requests from this client; see `Retry-After` and `details.retryAfterSeconds`',
  },
  { status: 503, code: 'OVERLOADED', when: 'the gateway is at capacity; retry' },
];

/** What the proxy can answer on a route it passes to a service. */
const PROXY_REFUSALS: readonly Refusal[] = [
  ...EDGE_REFUSALS,
  { status: 503, code: 'UPSTREAM_UNAVAILABLE', when: 'the service is unavailable; retry' },
  {
    status: 503,
    code: 'CIRCUIT_OPEN',
    when: 'the service keeps failing: calls are paused for a moment',
  },
  { status: 504, code: 'UPSTREAM_TIMEOUT', when: 'the service did not answer in time' },
];

const TAGS = [
  { name: 'auth', description: 'Accounts, sign-up (saga 1), sessions and closure (saga 4)' },
  { name: 'users', description: 'Profiles' },
  { name: 'blogs', description: 'Blogs and their deletion (saga 3)' },
  { name: 'posts', description: 'Posts and their publication (saga 2)' },
  { name: 'visits', description: 'Visits and their counts' },
  { name: 'subscriptions', description: 'Subscriptions and feeds' },
  { name: 'admin', description: 'Operator routes of the gateway: admin role only' },
];

const API_DESCRIPTION = [
  'Every route goes through the gateway. Errors are always `{ code, message, details? }`, and each ' +
    'operation lists the codes it can answer with; every response carries `x-request-id`.',
  'Request bodies are UTF-8 JSON (`application/json` or `+json`; anything else is 415), nested ' +
    'at most 32 levels and holding at most 10,000 values; a member a route does not name is ' +
    'refused (400), never ignored. An empty body with a JSON content type counts as no body. ' +
    'Malformed HTTP, over-long headers (431) and slow requests (408) are refused before any route.',
  'Lists take `?limit=&cursor=` and answer `{ items, nextCursor }`: pass `nextCursor` back as ' +
    '`cursor` for the next page; it is null on the last one.',
  'Cross-service work runs as sagas. While one holds a resource, conflicting commands get ' +
    '`409 LOCKED` naming it in `details` (`sagaId`, `sagaType`). Other services learn of a lock ' +
    'through the event stream, a few milliseconds later: a command they accept in that window ' +
    'is then brought in line by the saga. For example, a draft created just after its blog went ' +
    'DELETING is accepted (201) and then ARCHIVED with the blog’s other posts; a client that ' +
    'needs certainty reads the resource again.',
].join('\n\n');

/** A service's path as the gateway publishes it; a route it does not publish is a bug. */
function publicPathFor(service: UpstreamName, path: string): string {
  const routes = ROUTING_TABLE.filter((route) => route.upstream === service);
  const published = publicPathOf(routes, path);
  if (published === null)
    throw new Error(`${service} serves ${path}, which no gateway route reaches`);
  return published;
}

/**
 * The public API as the gateway exposes it, from the routes the services and the gateway
 * declare: paths rewritten through the routing table, the edge's own refusals added, and
 * every schema the routes validate and answer with.
 */
export function buildOpenApiDocument(
  services: readonly ServiceRoutes[],
  gatewayRoutes: readonly Route[],
  version: string,
): JsonObject {
  const schemas = new DocumentSchemas();
  const published: (readonly [string, DocumentedOperation, readonly Refusal[]])[] = [
    ...services.flatMap(({ service, routes }) =>
      documentRoutes(
        routes.filter((route) => !route.internal),
        schemas,
      ).map(
        (operation) => [publicPathFor(service, operation.path), operation, PROXY_REFUSALS] as const,
      ),
    ),
    ...documentRoutes(gatewayRoutes, schemas).map(
      (operation) => [operation.path, operation, EDGE_REFUSALS] as const,
    ),
  ];
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const [path, documented, edge] of published.sort(([a], [b]) => a.localeCompare(b))) {
    paths[path] = {
      ...paths[path],
      [documented.route.method.toLowerCase()]: {
        ...documented.operation,
        responses: responsesOf(documented.answers, [...documented.refusals, ...edge]),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Blog API',
      version,
      description: API_DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The gateway that serves this document' }],
    tags: TAGS,
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: Object.fromEntries(
        Object.entries(schemas.named).sort(([a], [b]) => a.localeCompare(b)),
      ),
    },
  };
}
