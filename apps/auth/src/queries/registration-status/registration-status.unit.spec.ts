import type { FastifyRequest } from 'fastify';
import { registrationStatus } from './registration-status.http.controller';

const accountId = '9b2e6c4a-1f0d-4c1e-8d7b-5a3e2f1c0b9a';
const request = (query: object) => ({ params: { accountId }, query }) as unknown as FastifyRequest;

describe('the registration poll', () => {
  it('says what it needs when the saga id is missing', () => {
    expect(() => registrationStatus.parse(request({}))).toThrow(
      expect.objectContaining({
        code: 'AUTH.INVALID_INPUT',
        details: {
          issues: [
            {
              path: 'sagaId',
              message: expect.stringContaining(
                'the sagaId that POST /api/auth/register answered with',
              ),
            },
          ],
        },
      }),
    );
  });

  it('takes the account id and the saga id', () => {
    const sagaId = '3f1c0d1e-8a44-4a8e-9a55-0c1b7f0e2a10';
    expect(registrationStatus.parse(request({ sagaId }))).toMatchObject({
      params: { accountId },
      query: { sagaId },
    });
  });
});
