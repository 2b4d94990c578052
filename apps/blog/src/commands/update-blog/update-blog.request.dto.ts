import { z } from 'zod';
import { Description, Title } from '../create-blog/create-blog.request.dto';

export const updateBlogRequest = z
  .object({ title: Title.optional(), description: Description.optional() })
  .refine((body) => body.title !== undefined || body.description !== undefined, {
    message: 'title or description is required',
  });

export type UpdateBlogRequest = z.output<typeof updateBlogRequest>;
