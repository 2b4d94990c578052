import { z } from 'zod';
import { Body, Title } from '../draft-post/draft-post.request.dto';

export const editPostRequest = z
  .object({ title: Title.optional(), body: Body.optional() })
  .refine((edit) => edit.title !== undefined || edit.body !== undefined, {
    message: 'title or body is required',
  });

export type EditPostRequest = z.output<typeof editPostRequest>;
