import { z } from 'zod';
import { sagaIdSchema } from '../http/parse-input';
import { serviceRoutes } from '../http/route';

/** Operator routes: one code for their refusals, on the gateway and on every service. */
export const adminRoute = serviceRoutes('ADMIN.INVALID_INPUT');

/** A dead letter as a service lists it (libs/consumer DeadLetter). */
export const deadLetterView = z
  .object({
    id: z.string(),
    consumer: z.string(),
    messageId: z.string().nullable(),
    topic: z.string(),
    partition: z.number().int(),
    offset: z.string(),
    key: z.string().nullable(),
    sagaId: z.string().nullable(),
    status: z.enum(['failed', 'waiting', 'resolved']),
    reason: z.string().nullable(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'DeadLetter' });

export const stillParked = z
  .array(z.object({ topic: z.string(), key: z.string().nullable(), error: z.string() }))
  .describe('Keys still parked because a message failed again');

export const redriveResult = z.object({ resolved: z.number().int(), stillParked });

export const replayResult = z.object({
  sagaId: z.string(),
  republished: z.number().int(),
  redriven: z.number().int(),
  stillParked,
});

export const deadLetterFilter = z.object({
  status: z.enum(['failed', 'waiting', 'resolved']).optional(),
  sagaId: sagaIdSchema.optional(),
});

export const sagaIdParams = z.object({ sagaId: sagaIdSchema });
