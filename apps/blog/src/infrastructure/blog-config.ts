import { InvalidConfigError } from '@blog/chassis';
import { z } from 'zod';

/** blog's own settings, validated at start-up next to the chassis config. */
const blogConfigSchema = z.object({
  /**
   * How long a blog deletion waits for post and subscribe. Longer than a publication's
   * deadline: post archives a blog's posts only once its in-flight publications resolved.
   */
  BLOG_DELETION_TIMEOUT_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  DEADLINE_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
});

export type BlogConfig = z.output<typeof blogConfigSchema>;

export const BLOG_CONFIG = Symbol('BLOG_CONFIG');

export function loadBlogConfig(env: NodeJS.ProcessEnv = process.env): BlogConfig {
  const parsed = blogConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new InvalidConfigError(
    'blog',
    parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  );
}
