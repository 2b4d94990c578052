import { z } from 'zod';

// NUL and lone surrogates are refused for every body by the chassis (well-formed-text).
export const Title = z
  .string()
  .min(1)
  .max(200)
  .refine((title) => title.trim().length > 0, 'must not be blank');
export const Description = z.string().max(2_000);

/** Stored verbatim: nothing is trimmed or escaped here (rendering is the client's job). */
export const createBlogRequest = z
  .object({ title: Title, description: Description.default('') })
  .meta({ examples: [{ title: 'Field notes', description: 'What I saw this week' }] });

export type CreateBlogRequest = z.output<typeof createBlogRequest>;
