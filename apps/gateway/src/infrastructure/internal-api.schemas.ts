import { z } from 'zod';

/** A dead letter as a service's `/internal/dead-letters` lists it (libs/consumer DeadLetter). */
export const deadLetterSchema = z.object({
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
  createdAt: z.string(),
});

export type DeadLetterView = z.infer<typeof deadLetterSchema>;

export const deadLetterListSchema = z.object({ items: z.array(deadLetterSchema) });

const stillParked = z.array(
  z.object({ topic: z.string(), key: z.string().nullable(), error: z.string() }),
);

export const redriveResultSchema = z.object({ resolved: z.number().int(), stillParked });

export const replayResultSchema = z.object({
  sagaId: z.string(),
  republished: z.number().int(),
  redriven: z.number().int(),
  stillParked,
});
