import { readFile } from 'node:fs/promises';
import { calculateJwkThumbprint, exportJWK, importPKCS8, SignJWT } from 'jose';
import { STACK } from './stack-endpoints';

export interface TokenClaims {
  readonly accountId: string;
  readonly roles?: readonly ('user' | 'admin')[];
  readonly expiresInSeconds?: number;
}

/**
 * Signs an access token with the local stack's auth key, exactly as the auth service
 * would, so a spec can act as any account (e.g. an admin) without a sign-up first.
 */
export async function mintAccessToken(claims: TokenClaims): Promise<string> {
  const privateKey = await importPKCS8(await readFile(STACK.authSigningKeyFile, 'utf8'), 'RS256', {
    extractable: true,
  });
  const { kty, n, e } = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: kty ?? 'RSA', n: n ?? '', e: e ?? '' });
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles ?? ['user'] })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setSubject(claims.accountId)
    .setJti(crypto.randomUUID())
    .setIssuer('blog-auth')
    .setAudience('blog-api')
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 300))
    .sign(privateKey);
}
