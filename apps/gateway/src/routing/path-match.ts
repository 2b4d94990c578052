import { PUBLIC_ROUTES } from './public-routes';
import type { ProxyRoute } from './routing-table';

/** The path of a raw request URL, still percent-encoded, without the query string. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Exact match, or below it when `subtree`; compared on the raw path, never a decoded one. */
export function covers(route: { path: string; subtree: boolean }, path: string): boolean {
  return path === route.path || (route.subtree && path.startsWith(`${route.path}/`));
}

export function isPublic(method: string, path: string): boolean {
  return PUBLIC_ROUTES.some((route) => route.methods.includes(method) && covers(route, path));
}

/** The upstream path for a public one the route covers. */
export function upstreamPathOf(route: ProxyRoute, path: string): string {
  return `${route.target}${path.slice(route.path.length)}`;
}

/**
 * The public path of a path on an upstream (a `Location` it answered with) through the
 * first of `routes` that reaches it; null for one no route reaches, or an absolute URL.
 */
export function publicPathOf(routes: readonly ProxyRoute[], upstreamPath: string): string | null {
  for (const route of routes) {
    if (!upstreamPath.startsWith(route.target)) continue;
    const rest = upstreamPath.slice(route.target.length);
    if (rest === '' || rest.startsWith('?') || (route.subtree && rest.startsWith('/'))) {
      return `${route.path}${rest}`;
    }
  }
  return null;
}

/**
 * `.` and `..` segments (also percent-encoded) could climb out of the target prefix once
 * an upstream normalises the path, e.g. from `/users/..` to its `/internal` routes; a
 * malformed escape cannot be routed safely either.
 */
export function isUnsafePath(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return decoded.split(/[/\\]/).some((segment) => segment === '.' || segment === '..');
}
