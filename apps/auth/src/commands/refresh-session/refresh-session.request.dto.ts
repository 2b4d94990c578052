import { z } from 'zod';
import { refreshTokenField } from '../account-fields';

export const refreshSessionRequest = z.object({ refreshToken: refreshTokenField });

export type RefreshSessionRequest = z.output<typeof refreshSessionRequest>;

/** What presenting a refresh token can meet (refresh and logout). */
export const REFRESH_REFUSALS = [
  { status: 401, code: 'AUTH.REFRESH_INVALID', when: 'the refresh token is not valid' },
  { status: 401, code: 'AUTH.REFRESH_EXPIRED', when: 'the refresh token has expired' },
  {
    status: 401,
    code: 'AUTH.REFRESH_REUSED',
    when: 'the refresh token was already used: its whole session is revoked',
  },
] as const;
