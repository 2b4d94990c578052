import { inputParser, serviceRoutes } from '@blog/chassis';
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

export const parseInput = inputParser('AUTH.INVALID_INPUT');

/** Declares one of auth's HTTP routes (see libs/chassis/src/http/route.ts). */
export const route = serviceRoutes('AUTH.INVALID_INPUT');
