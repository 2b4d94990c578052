import { SERVICE_PORTS, type ServiceName } from '@blog/chassis';
import { z } from 'zod';

export type UpstreamName = Exclude<ServiceName, 'gateway'>;

const UPSTREAMS = [
  'auth',
  'user',
  'blog',
  'post',
  'visitor',
  'subscribe',
] as const satisfies readonly UpstreamName[];

const urlSchema = z.url({ protocol: /^https?$/ });

/** `<NAME>_URL` for each upstream, defaulting to the local stack's loopback port. */
export function loadUpstreams(env: NodeJS.ProcessEnv = process.env): Record<UpstreamName, string> {
  const entries = UPSTREAMS.map((name) => {
    const key = `${name.toUpperCase()}_URL`;
    const value = env[key] ?? `http://127.0.0.1:${SERVICE_PORTS[name]}`;
    const parsed = urlSchema.safeParse(value);
    if (!parsed.success)
      throw new Error(
        `Invalid configuration for service "gateway": ${key}: must be an http(s) URL`,
      );
    return [name, parsed.data.replace(/\/$/, '')] as const;
  });
  return Object.fromEntries(entries) as Record<UpstreamName, string>;
}
