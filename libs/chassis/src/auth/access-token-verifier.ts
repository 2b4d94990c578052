import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { SERVICE_CONFIG } from '../config/config.tokens';
import type { ServiceConfig } from '../config/service-config';
import { AppError } from '../errors/app-error';
import type { Caller } from './caller';

const claims = z.object({
  exp: z.number(),
  sub: z.string().min(1),
  jti: z.string().min(1),
  roles: z.array(z.enum(['user', 'admin'])).min(1),
});

/** How long a verified token is taken on its bytes alone (bounded again by its `exp`). */
const REMEMBER_MS = 60_000;

/**
 * Verifies RS256 access tokens against the auth service's JWKS (fetched once, cached,
 * refetched when a token names an unknown key). Only RS256 is accepted, so `alg: none`
 * and HMAC-with-the-public-key forgeries fail before any claim is read.
 *
 * A token that verified is remembered by its exact bytes until it expires, for at most
 * a minute: the same bytes verify the same way, and the WebCrypto RSA check was ~15 % of
 * the gateway's CPU on an authenticated route (bench/RESULTS.md). Access tokens are not
 * revocable before `exp`, and the key set itself is cached for ten minutes, so this accepts
 * nothing that a fresh check would refuse. Refused tokens are never remembered.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new LRUCache<string, Caller>({ max: 2_000 });

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    this.keys = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), {
      timeoutDuration: 2_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  async verify(authorization: string | undefined): Promise<Caller> {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
    if (!token)
      throw new AppError('unauthenticated', 'AUTH.TOKEN_MISSING', 'A bearer token is required');
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
      });
      const parsed = claims.parse(payload);
      const caller: Caller = { accountId: parsed.sub, roles: parsed.roles, tokenId: parsed.jti };
      // A ttl of 0 would mean "forever": a token in its last millisecond is not remembered.
      const ttl = Math.min(REMEMBER_MS, parsed.exp * 1_000 - Date.now());
      if (ttl > 0) this.verified.set(token, caller, { ttl });
      return caller;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new AppError('unauthenticated', 'AUTH.TOKEN_EXPIRED', 'The access token has expired');
      }
      if (error instanceof errors.JOSEError && error.code === 'ERR_JWKS_TIMEOUT') {
        throw new AppError('unavailable', 'AUTH.KEYS_UNAVAILABLE', 'Token keys are unavailable');
      }
      throw new AppError('unauthenticated', 'AUTH.TOKEN_INVALID', 'The access token is not valid');
    }
  }
}
