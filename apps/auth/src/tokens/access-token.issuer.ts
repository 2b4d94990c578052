import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import type { Role } from '../domain/account.events';
import { AUTH_CONFIG, type AuthConfig } from '../infrastructure/auth-config';
import { SIGNING_KEY } from './jwks.http.controller';
import type { SigningKey } from './signing-key';

export interface AccessToken {
  readonly token: string;
  readonly expiresIn: number;
}

/** Short-lived RS256 access tokens with exactly the claims every verifier checks. */
@Injectable()
export class AccessTokenIssuer {
  constructor(
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async issue(accountId: string, roles: readonly Role[]): Promise<AccessToken> {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ roles: [...roles] })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setSubject(accountId)
      .setJti(randomUUID())
      .setIssuer(this.config.AUTH_ISSUER)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(this.key.privateKey);
    return { token, expiresIn };
  }
}
