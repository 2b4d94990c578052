import { AppError } from '@blog/chassis';
import type { z } from 'zod';

/** The controller edge: parse, never trust (STYLE.md rule 5); 400 with the issues. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid', 'SUBSCRIBE.INVALID_INPUT', `invalid ${what}`, {
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  });
}
