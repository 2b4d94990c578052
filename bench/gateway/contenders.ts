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

/**
 * Contenders of one comparison; the first is the baseline the others are divided by, the
 * second is the one the target is about, any others show where the difference goes.
 */
export interface Comparison {
  readonly title: string;
  readonly kind: 'gateway' | 'framework';
  readonly contenders: readonly [Contender, Contender, ...Contender[]];
}

/** Where the processes under test listen. */
export interface Endpoints {
  /** A second gateway as the stack runs its own. */
  readonly gateway: string;
  /** The same without the tracing preload: how much of the gateway's cost is tracing. */
  readonly untracedGateway: string;
  /** Traced, but one trace in ten kept (docs/tracing.md, "Cost"): what sampling buys back. */
  readonly sampledGateway: string;
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
  ): Comparison => ({
    title,
    kind: 'gateway',
    contenders: [
      {
        name: `direct ${server} :${SERVICE_PORTS[server]} ${directPath.replace(fixture.postId, ':id')}`,
        server,
        target: { url: direct(server, directPath), ...request },
        startedHere: false,
      },
      {
        name: `gateway ${apiPath.replace(fixture.postId, ':id')}`,
        server,
        target: { url: `${at.gateway}${apiPath}`, ...request },
        startedHere: true,
      },
      {
        name: `gateway ${apiPath.replace(fixture.postId, ':id')}, no tracing preload`,
        server,
        target: { url: `${at.untracedGateway}${apiPath}`, ...request },
        startedHere: true,
      },
      {
        name: `gateway ${apiPath.replace(fixture.postId, ':id')}, 10 % of traces sampled`,
        server,
        target: { url: `${at.sampledGateway}${apiPath}`, ...request },
        startedHere: true,
      },
    ],
  });
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
