import { z } from 'zod';
import { refreshTokenField } from '../account-fields';

export const refreshSessionRequest = z.strictObject({ refreshToken: refreshTokenField });

export type RefreshSessionRequest = z.output<typeof refreshSessionRequest>;
