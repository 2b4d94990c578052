import { AppError } from '@blog/chassis';
import type { z } from 'zod';

/** Validates a body, param or query at the controller edge: 400 naming every issue. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid', 'POST.INVALID_INPUT', `Invalid ${what}`, {
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  });
}
