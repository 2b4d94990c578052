import { z } from 'zod';

/** Postgres cannot store NUL or a lone UTF-16 surrogate; everything else is kept as sent. */
const storable = (text: string) => !text.includes('\u0000') && !/\p{Cs}/u.test(text);
const STORABLE = 'must not contain NUL characters or unpaired surrogates';

export const Title = z
  .string()
  .min(1)
  .max(200)
  .refine((title) => title.trim().length > 0, 'must not be blank')
  .refine(storable, STORABLE);
export const Body = z.string().max(100_000).refine(storable, STORABLE);

/** Stored verbatim: nothing is trimmed or escaped here (rendering is the client's job). */
export const draftPostRequest = z.object({
  blogId: z.uuid(),
  title: Title,
  body: Body.default(''),
});

export type DraftPostRequest = z.output<typeof draftPostRequest>;
