import { SAGA_TYPES } from '@blog/contracts';
import { z } from 'zod';
import { SAGA_STATUSES } from '../../domain/saga-status';
import { pageQuery, sagaIdSchema } from '@blog/chassis';

/** Where the previous page ended: opaque to clients, `(startedAt, sagaId)` inside. */
const cursorSchema = z
  .string()
  .max(300)
  .transform((text, context) => {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      return z.tuple([z.iso.datetime(), sagaIdSchema]).parse(decoded);
    } catch {
      context.addIssue({ code: 'custom', message: 'not a cursor this API issued' });
      return z.NEVER;
    }
  });

export const encodeCursor = (startedAt: string, sagaId: string) =>
  Buffer.from(JSON.stringify([startedAt, sagaId])).toString('base64url');

export const listSagasRequest = pageQuery.extend({
  status: z.enum(SAGA_STATUSES).optional(),
  type: z.enum(SAGA_TYPES).optional(),
  cursor: cursorSchema.optional().describe(pageQuery.shape.cursor.description ?? ''),
});

export type ListSagasRequest = z.output<typeof listSagasRequest>;
