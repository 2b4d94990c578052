import { z } from 'zod';

/** `POST /visits`: the post seen, and optionally the blog it was seen on (checked). */
export const RecordVisitRequest = z.object({
  postId: z.uuid(),
  blogId: z.uuid().optional(),
});
