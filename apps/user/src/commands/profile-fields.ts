import { AppError } from '@blog/chassis';
import { Handle } from '@blog/contracts';
import { z } from 'zod';

export const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
/** Line breaks are fine in a bio; other control characters are not. */
export const PRINTABLE_TEXT = /^(?:[^\p{Cc}\p{Cs}]|[\n\r\t])*$/u;

/** Handles are stored lower-case; asking for one in capitals finds it. */
export const handleParam = z.string().max(30).toLowerCase().pipe(Handle);

/** Parses a request part or refuses with 400; issues name the rule, never the value. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what = 'request body'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid', 'USER.INVALID_INPUT', `Invalid ${what}`, {
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  });
}
