import { SERVICE_PORTS, type ServiceName } from '@blog/chassis';
import type { PublishedPost } from '../lib/blog-fixture';
import { type LoadResult, type LoadTarget, runLoad } from '../lib/load-run';

/**
 * A read or write route per service, straight to it. The stack's gateway gets its probe
 * route only: anything under /api/ counts against the 600-a-minute budget that every local
 * client (other engineers' specs too) shares, so the proxying load goes to a second gateway.
 */
export function loadTargets(
  fixture: PublishedPost,
  handle: string,
  extraGatewayUrl: string,
): Record<ServiceName | 'bench gateway', LoadTarget> {
  const at = (service: ServiceName, path: string) =>
    `http://127.0.0.1:${SERVICE_PORTS[service]}${path}`;
  return {
    gateway: { url: at('gateway', '/health/live') },
    auth: { url: at('auth', '/.well-known/jwks.json') },
    user: { url: at('user', `/users/${handle}`) },
    blog: { url: at('blog', `/blogs/${fixture.blogId}`) },
    post: { url: at('post', `/posts/${fixture.postId}`) },
    visitor: {
      url: at('visitor', '/visits'),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ postId: fixture.postId }),
    },
    subscribe: {
      url: at('subscribe', '/feed'),
      headers: { authorization: `Bearer ${fixture.subscriberToken}` },
    },
    'bench gateway': { url: `${extraGatewayUrl}/api/posts/${fixture.postId}` },
  };
}

/** Every target at once, so each service is loaded while the others are too. */
export async function loadAll(
  targets: Readonly<Record<string, LoadTarget>>,
  connections: number,
  seconds: number,
): Promise<Map<string, LoadResult>> {
  const entries = await Promise.all(
    Object.entries(targets).map(async ([name, target]) => {
      const result = await runLoad(target, { connections, seconds });
      return [name, result] as const;
    }),
  );
  return new Map(entries);
}
