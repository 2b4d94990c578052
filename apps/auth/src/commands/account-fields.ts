import { AppError } from '@blog/chassis';
import { Handle } from '@blog/contracts';
import { z } from 'zod';

/** No control characters: names end up in logs, e-mails and HTML. */
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;

export const emailField = z
  .string()
  .max(254)
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be a valid email address' }));
export const passwordField = z.string().min(12).max(128);
/** Handles are stored lower-case; typing one in capitals is not an error. */
export const handleField = z.string().max(30).toLowerCase().pipe(Handle);
export const displayNameField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(PRINTABLE, 'must not contain control characters');
export const refreshTokenField = z.string().min(1).max(200);

/**
 * Parses a request part with its schema or refuses with 400. Issues name the field and
 * the rule only, never the value: passwords must not echo back or reach a log.
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what = 'request body'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid', 'AUTH.INVALID_INPUT', `Invalid ${what}`, {
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  });
}
