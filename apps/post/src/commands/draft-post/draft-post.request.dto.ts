import { z } from 'zod';

// NUL and lone surrogates are refused for every body by the chassis (well-formed-text).
export const Title = z
  .string()
  .min(1)
  .max(200)
  .refine((title) => title.trim().length > 0, 'must not be blank');
export const Body = z.string().max(100_000);

/** Stored verbatim: nothing is trimmed or escaped here (rendering is the client's job). */
export const draftPostRequest = z
  .object({ blogId: z.uuid(), title: Title, body: Body.default('') })
  .meta({
    examples: [
      { blogId: '3f1c0d1e-8a44-4a8e-9a55-0c1b7f0e2a10', title: 'First light', body: 'It rained.' },
    ],
  });

export type DraftPostRequest = z.output<typeof draftPostRequest>;
