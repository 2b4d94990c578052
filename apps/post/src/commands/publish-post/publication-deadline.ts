import { z } from 'zod';

/** The one deadline of a publication: the blog's answer has arrived by then. */
export const PUBLICATION_DEADLINE = 'blog-answer';

export const publicationDeadlinePayload = z.object({
  postId: z.uuid(),
  blogId: z.uuid(),
  correlationId: z.string().min(1),
});

export type PublicationDeadlinePayload = z.output<typeof publicationDeadlinePayload>;
