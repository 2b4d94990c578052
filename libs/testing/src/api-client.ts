import { SERVICE_PORTS } from '@blog/chassis';
import { assertDocumented, contractProblems } from './api-contract';

/**
 * HTTP client for e2e specs: through the gateway (`/api/...`) as API clients call it. With
 * E2E_DIRECT=1 the same paths go straight to the owning service (useful while the gateway
 * is being changed); the prefix table mirrors the gateway's routing table.
 */
const DIRECT: readonly [prefix: string, port: number, replacement: string][] = [
  ['/api/auth', SERVICE_PORTS.auth, '/auth'],
  ['/.well-known', SERVICE_PORTS.auth, '/.well-known'],
  ['/api/users', SERVICE_PORTS.user, '/users'],
  ['/api/blogs', SERVICE_PORTS.blog, '/blogs'],
  ['/api/posts', SERVICE_PORTS.post, '/posts'],
  ['/api/visits', SERVICE_PORTS.visitor, '/visits'],
  ['/api/stats', SERVICE_PORTS.visitor, '/stats'],
  ['/api/subscriptions', SERVICE_PORTS.subscribe, '/subscriptions'],
  ['/api/feed', SERVICE_PORTS.subscribe, '/feed'],
];

export function apiUrl(path: string): string {
  if (process.env['E2E_DIRECT'] === '1') {
    const route = DIRECT.find(
      ([prefix]) =>
        path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
    );
    if (route) return `http://127.0.0.1:${route[1]}${route[2]}${path.slice(route[0].length)}`;
  }
  return `http://127.0.0.1:${SERVICE_PORTS.gateway}${path}`;
}

export interface ApiResponse<Body> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
}

/**
 * One request; the body is parsed as JSON when there is one, and checked against the
 * OpenAPI document (an undocumented status, body or member fails the spec). Specs that
 * send what the typed client cannot express (hostile bodies, raw headers) use this one.
 */
export async function api<Body = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<Body>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(apiUrl(path), {
    method,
    headers,
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  assertDocumented(contractProblems(method, path.split('?')[0] ?? path, response.status, body));
  return { status: response.status, headers: response.headers, body: body as Body };
}

/** Polls until `check` passes (returns the last value) or the time runs out. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
