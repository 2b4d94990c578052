import type { ServiceName } from '@blog/chassis';

export type UpstreamName = Exclude<ServiceName, 'gateway'>;

/** The services behind the gateway, in the order replies and reports list them. */
export const UPSTREAM_NAMES = [
  'auth',
  'user',
  'blog',
  'post',
  'visitor',
  'subscribe',
] as const satisfies readonly UpstreamName[];
