import { z } from 'zod';

/** The one deadline of a blog deletion: every participant has answered by then. */
export const DELETION_DEADLINE = 'participants-answered';

export const deletionDeadlinePayload = z.object({
  blogId: z.uuid(),
  correlationId: z.string().min(1),
});

export type DeletionDeadlinePayload = z.output<typeof deletionDeadlinePayload>;
