import { z } from 'zod';

/** What a client holds after login or refresh. */
export const sessionView = z
  .object({
    accountId: z.uuid(),
    tokenType: z.literal('Bearer'),
    accessToken: z.string().describe('An RS256 JWT; send as `Authorization: Bearer …`'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    refreshToken: z.string().describe('Single use: `POST /api/auth/refresh` rotates it'),
  })
  .meta({
    id: 'Session',
    examples: [
      {
        accountId: '9b2e6c4a-1f0d-4c1e-8d7b-5a3e2f1c0b9a',
        tokenType: 'Bearer',
        accessToken: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9.eyJzdWIiOiIuLi4ifQ.c2ln',
        expiresIn: 900,
        refreshToken: 'r1.Zm9vYmFy',
      },
    ],
  });

export type Session = z.output<typeof sessionView>;
