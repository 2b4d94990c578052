import { AppError } from '@blog/chassis';
import type { FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { InternalCall } from '../infrastructure/internal-api.client';

/** The same saga id rule as the services' `/internal` routes. */
export const sagaIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

/** Parses one admin input; anything else is a 400 naming what was wrong. */
export function parseInput<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || what}: ${issue.message}`,
  );
  throw new AppError('invalid', 'ADMIN.INVALID_INPUT', `invalid ${what}`, { issues });
}

/** The operator's credentials and request id, passed on to every service the gateway asks. */
export function operatorCallOf(request: FastifyRequest): Omit<InternalCall, 'method' | 'path'> {
  const requestId = request.headers['x-request-id'];
  return {
    authorization: request.headers.authorization ?? '',
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
}
