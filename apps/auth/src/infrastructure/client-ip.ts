import type { FastifyRequest } from 'fastify';

/**
 * The client's address as the outermost trusted proxy saw it: with `hops` proxies that
 * each append to X-Forwarded-For, the entry `hops` from the right. Entries further left
 * came from the client and are not trusted.
 */
export function clientIpOf(request: FastifyRequest, hops: number): string {
  const forwarded = request.headers['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0 && entry.length <= 64);
  if (hops === 0 || list.length === 0) return request.ip;
  return list[Math.max(0, list.length - hops)] ?? request.ip;
}
