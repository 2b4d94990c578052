import { z } from 'zod';

/** auth's own settings, validated at start-up next to the chassis config. */
const authConfigSchema = z.object({
  AUTH_SIGNING_KEY_FILE: z.string().min(1, 'path of the RS256 private key (PEM, PKCS#8)'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3_600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(60 * 86_400)
    .default(14 * 86_400),
  AUTH_ISSUER: z.string().min(1).default('blog-auth'),
  AUTH_AUDIENCE: z.string().min(1).default('blog-api'),
});

export type AuthConfig = z.output<typeof authConfigSchema>;

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = authConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid configuration for service "auth":\n  - ${issues.join('\n  - ')}`);
}
