import { z } from 'zod';

const seconds = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Saga and login policy: what the service and the admin CLI both need. */
const authPolicySchema = z.object({
  /**
   * How long sign-up waits for the user service's answer before rejecting (TIMED_OUT).
   * A minute: a crashed Kafka, Connect or user instance is back and caught up in 20–40 s
   * on a small machine (test/reliability), and that should delay a sign-up, not reject it.
   */
  SIGN_UP_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** How long closure waits for every participant before reporting timed_out. */
  CLOSURE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(7 * 86_400_000)
    .default(10 * 60_000),
  DEADLINE_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(500),
  LOGIN_WINDOW_SECONDS: seconds(900, 10, 86_400),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000).default(5),
  /**
   * Higher than per account: many people share an address behind NAT (and every spec of
   * the local stack comes from 127.0.0.1). The gateway also limits credential routes.
   */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
  /**
   * Proxies in front of auth that append to X-Forwarded-For (the gateway: 1). The client
   * address is the entry that many hops from the right; 0 trusts no header.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
});

/** auth's own settings, validated at start-up next to the chassis config. */
const authConfigSchema = authPolicySchema.extend({
  AUTH_SIGNING_KEY_FILE: z.string().min(1, 'path of the RS256 private key (PEM, PKCS#8)'),
  ACCESS_TOKEN_TTL_SECONDS: seconds(900, 30, 3_600),
  REFRESH_TOKEN_TTL_SECONDS: seconds(14 * 86_400, 300, 60 * 86_400),
  AUTH_ISSUER: z.string().min(1).default('blog-auth'),
  AUTH_AUDIENCE: z.string().min(1).default('blog-api'),
});

export type AuthPolicy = z.output<typeof authPolicySchema>;
export type AuthConfig = z.output<typeof authConfigSchema>;

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

function parse<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid configuration for service "auth":\n  - ${issues.join('\n  - ')}`);
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return parse(authConfigSchema, env);
}

export function loadAuthPolicy(env: NodeJS.ProcessEnv = process.env): AuthPolicy {
  return parse(authPolicySchema, env);
}
