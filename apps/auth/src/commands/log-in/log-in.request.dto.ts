import { z } from 'zod';
import { emailField } from '../account-fields';

/** Any password up to the limit is checked: a short one simply does not match. */
export const logInRequest = z
  .object({ email: emailField, password: z.string().min(1).max(128) })
  .meta({ examples: [{ email: 'ann@example.com', password: 'correct horse battery' }] });

export type LogInRequest = z.output<typeof logInRequest>;
