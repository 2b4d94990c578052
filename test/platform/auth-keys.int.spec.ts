import { SERVICE_PORTS } from '@blog/chassis';

// Every service verifies tokens against this JWKS (libs/chassis AccessTokenVerifier).
describe('auth signing key and JWKS on the running stack', () => {
  it('publishes one RS256 key with a key id', async () => {
    const response = await fetch(`http://127.0.0.1:${SERVICE_PORTS.auth}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as {
      keys: { kty: string; alg: string; kid: string; d?: string }[];
    };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
