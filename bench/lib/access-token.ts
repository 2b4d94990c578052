import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK, importPKCS8, SignJWT } from 'jose';

/**
 * @blog/testing's mintAccessToken finds the stack's key relative to its source folder, so
 * it works under vitest but not from dist/ (dist/.stack does not exist). Same token, found
 * from the repository root: benchmarks act as any account without a sign-up.
 */
const SIGNING_KEY = resolve(__dirname, '../../../.stack/keys/auth-signing.pem');

export async function benchAccessToken(accountId: string, expiresInSeconds = 4 * 3_600) {
  const privateKey = await importPKCS8(await readFile(SIGNING_KEY, 'utf8'), 'RS256', {
    extractable: true,
  });
  const { kty, n, e } = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: kty ?? 'RSA', n: n ?? '', e: e ?? '' });
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['user'] })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setSubject(accountId)
    .setJti(crypto.randomUUID())
    .setIssuer('blog-auth')
    .setAudience('blog-api')
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(privateKey);
}
