import { z } from 'zod';
import { sagaIdSchema } from '@blog/chassis';

export const listDeadLettersRequest = z.object({
  status: z.enum(['failed', 'waiting', 'resolved']).optional(),
  sagaId: sagaIdSchema.optional(),
});
