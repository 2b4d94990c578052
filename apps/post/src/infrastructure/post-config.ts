import { InvalidConfigError } from '@blog/chassis';
import { z } from 'zod';

/** post's own settings, validated at start-up next to the chassis config. */
const postConfigSchema = z.object({
  /** How long a publication waits for the blog's answer before the post is DRAFT again. */
  /** A minute, like sign-up's and deletion's: long enough to ride out a crashed piece. */
  POST_PUBLICATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  DEADLINE_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
});

export type PostConfig = z.output<typeof postConfigSchema>;

export const POST_CONFIG = Symbol('POST_CONFIG');

export function loadPostConfig(env: NodeJS.ProcessEnv = process.env): PostConfig {
  const parsed = postConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new InvalidConfigError(
    'post',
    parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  );
}
