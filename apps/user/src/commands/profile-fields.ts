import { serviceRoutes } from '@blog/chassis';
import { Handle } from '@blog/contracts';
import { z } from 'zod';

export const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
/** Line breaks are fine in a bio; other control characters are not. */
export const PRINTABLE_TEXT = /^(?:[^\p{Cc}\p{Cs}]|[\n\r\t])*$/u;

/** Handles are stored lower-case; asking for one in capitals finds it. */
export const handleParam = z.string().max(30).toLowerCase().pipe(Handle);

/** Declares one of user's HTTP routes (see libs/chassis/src/http/route.ts). */
export const route = serviceRoutes('USER.INVALID_INPUT');

export const handleParams = z.object({ handle: handleParam });
