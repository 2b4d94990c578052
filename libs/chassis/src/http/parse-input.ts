import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** A service's controller-edge parser: `parseInput(schema, value, 'blog id')`. */
export type InputParser = <Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what?: string,
) => z.output<Schema>;

const strictForms = new WeakMap<z.ZodType, z.ZodType>();

/**
 * Inputs are strict: a member the schema does not name is refused, not dropped, so a
 * client learns at once that `{ status: "DELETED" }` did nothing rather than seeing a 201.
 * One rule here, for every body and query of every service, instead of one per schema.
 */
function strictFormOf(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodObject)) return schema;
  let strict = strictForms.get(schema);
  if (strict === undefined) {
    // z.object's default strips unknown members; z.looseObject's catch-all is deliberate.
    strict = schema.def.catchall === undefined ? schema.strict() : schema;
    strictForms.set(schema, strict);
  }
  return strict;
}

/**
 * The controller edge (STYLE.md rule 5): a body, param, query or header is parsed with its
 * schema, or refused with 400 `code` (the service's own, e.g. `VISITOR.INVALID_INPUT`) naming
 * every issue's path and rule, never the value: passwords must not echo back or reach a log.
 */
export function inputParser(code: string): InputParser {
  return (schema, value, what = 'request body') => {
    const parsed = strictFormOf(schema).safeParse(value);
    if (parsed.success) return parsed.data as z.output<typeof schema>;
    throw new AppError('invalid', code, `Invalid ${what}`, {
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    });
  };
}

/** Operator routes, on the gateway and on every service: one code for their refusals. */
export const parseAdminInput = inputParser('ADMIN.INVALID_INPUT');

/** A saga id as the sagas mint them; the same rule wherever an operator names one. */
export const sagaIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);
