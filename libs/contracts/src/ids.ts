import { z } from 'zod';

export const Id = z.uuid();
export const Handle = z
  .string()
  .min(3)
  .max(30)
  .regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only');
export const Reason = z.string().min(1).max(500);
export const Timestamp = z.iso.datetime({ offset: true });
