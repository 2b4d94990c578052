import { z } from 'zod';
import { PRINTABLE, PRINTABLE_TEXT } from '../profile-fields';

export const updateProfileRequest = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(PRINTABLE, 'must not contain control characters')
      .optional(),
    bio: z
      .string()
      .max(500)
      .regex(PRINTABLE_TEXT, 'must not contain control characters')
      .nullable()
      .optional(),
  })
  .refine((body) => body.displayName !== undefined || body.bio !== undefined, {
    message: 'change displayName, bio or both',
  });

export type UpdateProfileRequest = z.output<typeof updateProfileRequest>;

/** `If-Match: "3"` (or W/"3" or 3): the version the client edited. */
export const ifMatchHeader = z
  .string()
  .regex(/^(W\/)?"?\d{1,9}"?$/, 'must be the profile version, e.g. "3"')
  .transform((value) => Number(value.replace(/\D/g, '')))
  .optional()
  .describe('The version you edited, as its ETag gave it ("3"); without it the latest is edited');
