import { serviceRoutes } from '@blog/chassis';
import { z } from 'zod';

/** Declares one of post's HTTP routes (see libs/chassis/src/http/route.ts). */
export const route = serviceRoutes('POST.INVALID_INPUT');

/** The path of every route about one post. */
export const postIdParams = z.object({ postId: z.uuid() });

/** `If-Match` as a post's routes read it; its form is checked by parseIfMatch. */
export const ifMatchHeaders = (required: boolean) =>
  z.object({
    'if-match': z
      .string()
      .max(100)
      .optional()
      .describe(
        `The post's ETag ("3") you last saw, or * for any version${required ? ' (required: 428 without it)' : ''}`,
      ),
  });

/** Refusals several of post's routes share. */
export const POST_REFUSALS = {
  notFound: { status: 404, code: 'POST.NOT_FOUND', when: 'no such post' },
  notAuthor: { status: 403, code: 'POST.NOT_AUTHOR', when: 'the post is not yours' },
  archived: {
    status: 409,
    code: 'POST.ARCHIVED',
    when: 'the post was archived with its deleted blog',
  },
  locked: {
    status: 409,
    code: 'LOCKED',
    when: 'a saga holds the post (publication, or its blog’s deletion): `details` name it',
  },
  invalidIfMatch: {
    status: 400,
    code: 'POST.INVALID_IF_MATCH',
    when: 'If-Match is not one ETag',
  },
  versionConflict: {
    status: 409,
    code: 'POST.VERSION_CONFLICT',
    when: 'the post is not at the If-Match version: reload and retry',
  },
  concurrency: {
    status: 409,
    code: 'CONCURRENCY',
    when: 'another change to the post won the race; retry',
  },
} as const;

/** What every change to an existing post can meet. */
export const POST_CHANGE_REFUSALS = [
  POST_REFUSALS.invalidIfMatch,
  POST_REFUSALS.notFound,
  POST_REFUSALS.notAuthor,
  POST_REFUSALS.archived,
  POST_REFUSALS.locked,
  POST_REFUSALS.versionConflict,
  POST_REFUSALS.concurrency,
] as const;
