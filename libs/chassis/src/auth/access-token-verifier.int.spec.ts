import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT, type CryptoKey } from 'jose';
import { loadServiceConfig } from '../config/service-config';
import { AccessTokenVerifier } from './access-token-verifier';

// A real JWKS endpoint on loopback stands in for the auth service.
describe('AccessTokenVerifier', () => {
  let server: Server;
  let verifier: AccessTokenVerifier;
  let signingKey: CryptoKey;
  let publicJwk: JWK;

  const token = (
    overrides: { key?: CryptoKey; exp?: string | number; aud?: string; roles?: string[] } = {},
  ) =>
    new SignJWT({ roles: overrides.roles ?? ['user'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('acc-1')
      .setJti('jti-1')
      .setIssuer('blog-auth')
      .setAudience(overrides.aud ?? 'blog-api')
      .setIssuedAt()
      .setExpirationTime(overrides.exp ?? '5m')
      .sign(overrides.key ?? signingKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new AccessTokenVerifier(
      loadServiceConfig('blog', {
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      }),
    );
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('accepts a valid token and names the caller', async () => {
    await expect(
      verifier.verify(`Bearer ${await token({ roles: ['user', 'admin'] })}`),
    ).resolves.toEqual({
      accountId: 'acc-1',
      roles: ['user', 'admin'],
      tokenId: 'jti-1',
    });
  });

  it('refuses a token once it expires, though it was verified (and remembered) before', async () => {
    const header = `Bearer ${await token({ exp: Math.floor(Date.now() / 1000) + 2 })}`;
    await expect(verifier.verify(header)).resolves.toMatchObject({ accountId: 'acc-1' });
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    await expect(verifier.verify(header)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('remembers a verified token by its exact bytes: a copy with another signature is refused', async () => {
    const valid = await token();
    await expect(verifier.verify(`Bearer ${valid}`)).resolves.toMatchObject({ tokenId: 'jti-1' });
    const [header, body] = valid.split('.');
    const forgedSignature = Buffer.alloc(256, 7).toString('base64url');
    await expect(
      verifier.verify(`Bearer ${header}.${body}.${forgedSignature}`),
    ).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
    });
  });

  it.each([
    ['no header', async () => undefined, 'AUTH.TOKEN_MISSING'],
    ['not a bearer token', async () => 'Basic abc', 'AUTH.TOKEN_MISSING'],
    [
      'an expired token',
      async () => `Bearer ${await token({ exp: Math.floor(Date.now() / 1000) - 10 })}`,
      'AUTH.TOKEN_EXPIRED',
    ],
    [
      'another audience',
      async () => `Bearer ${await token({ aud: 'elsewhere' })}`,
      'AUTH.TOKEN_INVALID',
    ],
    [
      'an unknown role',
      async () => `Bearer ${await token({ roles: ['root'] })}`,
      'AUTH.TOKEN_INVALID',
    ],
    [
      'a token signed with another key',
      async () => `Bearer ${await token({ key: (await generateKeyPair('RS256')).privateKey })}`,
      'AUTH.TOKEN_INVALID',
    ],
    [
      'alg: none',
      async () => {
        const [, body] = (await token()).split('.');
        const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString(
          'base64url',
        );
        return `Bearer ${header}.${body}.`;
      },
      'AUTH.TOKEN_INVALID',
    ],
  ])('refuses %s with 401 and a code', async (_, header, code) => {
    await expect(verifier.verify(await header())).rejects.toMatchObject({
      kind: 'unauthenticated',
      code,
    });
  });
});
