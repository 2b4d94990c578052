import type { UpstreamName } from './upstream-names';

/**
 * One public path (and, with `subtree`, everything below it) and where it goes: the
 * upstream and the path that replaces the public one there. Method, query string, body
 * and status pass through unchanged.
 */
export interface ProxyRoute {
  readonly path: string;
  readonly subtree: boolean;
  readonly upstream: UpstreamName;
  readonly target: string;
  /** A larger request body than the gateway's default, for routes whose service takes one. */
  readonly bodyLimitBytes?: number;
}

/** post takes bodies of up to 100 000 characters (apps/post main.ts: 1 MiB of JSON). */
const POST_BODY_LIMIT_BYTES = 1_048_576;

/** The gateway's whole routing: data, so docs, tests and the proxy read the same table. */
export const ROUTING_TABLE: readonly ProxyRoute[] = [
  { path: '/api/auth', subtree: true, upstream: 'auth', target: '/auth' },
  {
    path: '/.well-known/jwks.json',
    subtree: false,
    upstream: 'auth',
    target: '/.well-known/jwks.json',
  },
  { path: '/api/users', subtree: true, upstream: 'user', target: '/users' },
  { path: '/api/blogs', subtree: true, upstream: 'blog', target: '/blogs' },
  {
    path: '/api/posts',
    subtree: true,
    upstream: 'post',
    target: '/posts',
    bodyLimitBytes: POST_BODY_LIMIT_BYTES,
  },
  { path: '/api/visits', subtree: true, upstream: 'visitor', target: '/visits' },
  { path: '/api/stats', subtree: true, upstream: 'visitor', target: '/stats' },
  { path: '/api/subscriptions', subtree: true, upstream: 'subscribe', target: '/subscriptions' },
  { path: '/api/feed', subtree: true, upstream: 'subscribe', target: '/feed' },
];
