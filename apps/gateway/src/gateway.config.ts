import { InvalidConfigError, SERVICE_PORTS } from '@blog/chassis';
import { z } from 'zod';
import { contractTopics } from './consumers/contract-messages';
import { UPSTREAM_NAMES, type UpstreamName } from './routing/upstream-names';

/** DI token for the parsed {@link GatewayConfig}. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

const HOUR_MS = 3_600_000;
const milliseconds = (fallback: number, min = 1, max = HOUR_MS) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);
/**
 * An upstream's instances: one URL, or several separated by commas (each instance of a
 * scaled-out service), kept as origins, which is what the balancer routes between.
 */
const upstreamUrls = (name: UpstreamName) =>
  z
    .string()
    .default(`http://127.0.0.1:${SERVICE_PORTS[name]}`)
    .transform((list) => list.split(',').map((url) => url.trim()))
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, error: 'must be http(s) URLs, comma-separated' }))
        .min(1),
    )
    .transform((urls) => [...new Set(urls.map((url) => new URL(url).origin))]);

/**
 * The gateway's own keys, next to the chassis ones (port, database, JWKS, body limit).
 * Defaults suit the local stack; specs shrink limits and windows to see them act.
 */
const gatewayConfigSchema = z.object({
  AUTH_URL: upstreamUrls('auth'),
  USER_URL: upstreamUrls('user'),
  BLOG_URL: upstreamUrls('blog'),
  POST_URL: upstreamUrls('post'),
  VISITOR_URL: upstreamUrls('visitor'),
  SUBSCRIBE_URL: upstreamUrls('subscribe'),
  /** Connect, then headers, then each body chunk: each must arrive within this. */
  UPSTREAM_TIMEOUT_MS: milliseconds(5_000, 50),
  UPSTREAM_CONNECTIONS: count(128),
  /** How often each upstream instance's readiness is asked (a failing one gets no traffic). */
  UPSTREAM_PROBE_MS: milliseconds(2_000, 50),
  BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  BREAKER_VOLUME_THRESHOLD: count(10),
  BREAKER_WINDOW_MS: milliseconds(10_000, 100),
  BREAKER_RESET_MS: milliseconds(5_000, 50),
  /** Requests served at once; beyond it the gateway sheds with 503 rather than queue. */
  MAX_IN_FLIGHT: count(512),
  RATE_LIMIT_MAX: count(600),
  RATE_LIMIT_WINDOW_MS: milliseconds(60_000, 100),
  AUTH_RATE_LIMIT_MAX: count(20),
  AUTH_RATE_LIMIT_WINDOW_MS: milliseconds(60_000, 100),
  /** A running saga with no message for this long is reported as stuck. */
  SAGA_STUCK_AFTER_MS: milliseconds(5 * 60_000, 100, 7 * 24 * HOUR_MS),
  SAGA_MONITOR_ENABLED: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((flag) => flag === 'true'),
  /**
   * The topics the monitor reads, comma-separated. Default: the contracts' topics and no
   * other outbox on the same Kafka (a benchmark's, a test's, another team's).
   */
  SAGA_MONITOR_TOPICS: z
    .string()
    .default(contractTopics().join(','))
    .transform((list) => list.split(',').map((topic) => topic.trim()))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'Kafka topic names only')).min(1)),
});

type ParsedConfig = z.output<typeof gatewayConfigSchema>;

export interface GatewayConfig extends ParsedConfig {
  /** Each upstream's instances (origins), in the order configured. */
  readonly upstreams: Readonly<Record<UpstreamName, readonly string[]>>;
}

/** Parses the gateway's keys once at start-up; every bad key is named in one error. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = gatewayConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new InvalidConfigError(
      'gateway',
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const config = parsed.data;
  const upstreams = {} as Record<UpstreamName, readonly string[]>;
  for (const name of UPSTREAM_NAMES) {
    upstreams[name] = config[`${name.toUpperCase()}_URL` as UpstreamUrlKey];
  }
  return { ...config, upstreams };
}

type UpstreamUrlKey = `${Uppercase<UpstreamName>}_URL`;
