import { z } from 'zod';
import { refreshTokenField } from '../account-fields';

export const refreshSessionRequest = z.object({ refreshToken: refreshTokenField });

export type RefreshSessionRequest = z.output<typeof refreshSessionRequest>;
