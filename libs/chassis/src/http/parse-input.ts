import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** A service's controller-edge parser: `parseInput(schema, value, 'blog id')`. */
export type InputParser = <Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what?: string,
) => z.output<Schema>;

/**
 * The controller edge (STYLE.md rule 5): a body, param, query or header is parsed with its
 * schema, or refused with 400 `code` (the service's own, e.g. `VISITOR.INVALID_INPUT`) naming
 * every issue's path and rule, never the value: passwords must not echo back or reach a log.
 */
export function inputParser(code: string): InputParser {
  return (schema, value, what = 'request body') => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new AppError('invalid', code, `Invalid ${what}`, {
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    });
  };
}
