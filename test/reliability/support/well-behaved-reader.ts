import type { Fixture } from './hostile-requests';

/** Another client's address, so the gateway sees two callers. */
const READER = '203.0.113.7';

interface Read {
  readonly path: string;
  readonly authenticated: boolean;
  /** What the upstream answers when it is reached: anything else means it was not. */
  readonly status: number;
}

/** One read per upstream, each answered by that service itself. */
const readsOf = (f: Fixture): readonly Read[] => [
  { path: '/.well-known/jwks.json', authenticated: false, status: 200 },
  { path: `/api/users/${f.handle}`, authenticated: false, status: 404 },
  { path: `/api/blogs/${f.blogId}`, authenticated: false, status: 200 },
  { path: `/api/posts/${f.postId}`, authenticated: true, status: 200 },
  { path: '/api/stats/popular', authenticated: false, status: 200 },
  { path: '/api/feed', authenticated: true, status: 200 },
];

export interface WellBehavedReader {
  /** Reads answered as expected so far. */
  served(): number;
  /** Every read answered otherwise: path, status and body. */
  failures(): readonly string[];
  stop(): Promise<void>;
}

/**
 * Reads through the gateway, one request at a time, until stopped: a client that does
 * nothing wrong while another attacks, and must never be refused on its account.
 */
export function startWellBehavedReader(gatewayUrl: string, f: Fixture): WellBehavedReader {
  const reads = readsOf(f);
  const failures: string[] = [];
  let served = 0;
  let stopped = false;
  const loop = (async () => {
    for (let i = 0; !stopped; i += 1) {
      const read = reads[i % reads.length] as Read;
      const headers: Record<string, string> = { 'x-forwarded-for': READER };
      if (read.authenticated) headers['authorization'] = `Bearer ${f.token}`;
      try {
        const response = await fetch(`${gatewayUrl}${read.path}`, {
          headers,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        if (response.status === read.status) served += 1;
        else failures.push(`${read.path}: ${response.status} ${text.slice(0, 200)}`);
      } catch (error) {
        failures.push(`${read.path}: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    served: () => served,
    failures: () => failures,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
