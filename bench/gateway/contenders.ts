import { SERVICE_PORTS } from '@blog/chassis';
import type { PublishedPost } from '../lib/blog-fixture';
import type { LoadTarget } from '../lib/load-run';

/** The process that does the route's work (its CPU is the `service` column). */
type StackServer = 'post' | 'subscribe' | 'visitor';
export type Server = StackServer | 'bare' | 'bare-untraced' | 'bare-hooks';

export interface Contender {
  readonly name: string;
  readonly server: Server;
  readonly target: LoadTarget;
  /** A process this benchmark started (cold JIT), not one of the stack's services. */
  readonly startedHere: boolean;
}

/** Contender `of` against contender `against` (indexes into the comparison's contenders). */
export interface ContenderRatio {
  readonly label: string;
  readonly of: number;
  readonly against: number;
}

/**
 * Contenders of one comparison; the first is the baseline the others are divided by, the
 * second is the one the target is about, any others show where the difference goes.
 * `ratios` are further pairs worth dividing, neither of them the baseline.
 */
export interface Comparison {
  readonly title: string;
  readonly kind: 'gateway' | 'framework';
  readonly contenders: readonly [Contender, Contender, ...Contender[]];
  readonly ratios?: readonly ContenderRatio[];
}

/** Where the processes under test listen. */
export interface Endpoints {
  /** A second gateway as the stack runs its own: the sampling policy (docs/tracing.md). */
  readonly gateway: string;
  /** The same without the tracing preload: how much of the gateway's cost is tracing. */
  readonly untracedGateway: string;
  /** Traced, every trace kept (TRACE_READ_SAMPLE_RATIO=1): what the policy buys back. */
  readonly alwaysOnGateway: string;
  /** One more like `gateway`: the two share the load as two instances behind a balancer. */
  readonly secondGateway: string;
  readonly bare: string;
  readonly bareUntraced: string;
  readonly bareHooks: string;
}

const direct = (service: StackServer, path: string) =>
  `http://127.0.0.1:${SERVICE_PORTS[service]}${path}`;

export function comparisons(fixture: PublishedPost, at: Endpoints): Comparison[] {
  const post = `/posts/${fixture.postId}`;
  const feed = { headers: { authorization: `Bearer ${fixture.subscriberToken}` } };
  // No visitor id or cookie: every request is a new visitor, the write path's full work.
  const visit = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ postId: fixture.postId }),
  };
  const throughGateway = (
    title: string,
    server: StackServer,
    directPath: string,
    apiPath: string,
    request: Omit<LoadTarget, 'url'>,
  ): Comparison => {
    const route = apiPath.replace(fixture.postId, ':id');
    // More than one gateway: the load generator balances the connections over them.
    const through = (name: string, gateway: string, ...others: string[]): Contender => ({
      name,
      server,
      target: {
        url: `${gateway}${apiPath}`,
        ...(others.length > 0 ? { balancedWith: others.map((other) => `${other}${apiPath}`) } : {}),
        ...request,
      },
      startedHere: true,
    });
    return {
      title,
      kind: 'gateway',
      contenders: [
        {
          name: `direct ${server} :${SERVICE_PORTS[server]} ${directPath.replace(fixture.postId, ':id')}`,
          server,
          target: { url: direct(server, directPath), ...request },
          startedHere: false,
        },
        through(`gateway ${route}, sampling policy`, at.gateway),
        through(`gateway ${route}, no tracing preload`, at.untracedGateway),
        through(`gateway ${route}, every trace kept`, at.alwaysOnGateway),
        through(`two gateways ${route}, sampling policy`, at.gateway, at.secondGateway),
      ],
      ratios: [
        { label: 'sampling policy / every trace kept', of: 1, against: 3 },
        { label: 'two gateways / one', of: 4, against: 1 },
      ],
    };
  };
  return [
    throughGateway('GET a published post', 'post', post, `/api${post}`, {}),
    throughGateway('GET the feed with a token', 'subscribe', '/feed', '/api/feed', feed),
    throughGateway('POST a visit', 'visitor', '/visits', '/api/visits', visit),
    {
      title: 'GET /posts/:id: NestJS-on-Fastify vs bare Fastify',
      kind: 'framework',
      contenders: [
        {
          name: 'bare Fastify',
          server: 'bare',
          target: { url: `${at.bare}${post}` },
          startedHere: true,
        },
        {
          name: 'post service (Nest)',
          server: 'post',
          target: { url: direct('post', post) },
          startedHere: false,
        },
        {
          name: 'bare Fastify, no tracing preload',
          server: 'bare-untraced',
          target: { url: `${at.bareUntraced}${post}` },
          startedHere: true,
        },
        {
          name: 'bare Fastify + chassis hooks',
          server: 'bare-hooks',
          target: { url: `${at.bareHooks}${post}` },
          startedHere: true,
        },
      ],
    },
  ];
}
