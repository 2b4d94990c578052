import { Inject, Injectable } from '@nestjs/common';
import type { SqlClient } from '@blog/sql';
import type { Role } from '../domain/account.events';
import { AUTH_CONFIG, type AuthConfig } from '../infrastructure/auth-config';
import { AccessTokenIssuer } from './access-token.issuer';
import { RefreshTokens } from './refresh-tokens';

import type { Session } from './session.view';

export type { Session } from './session.view';

@Injectable()
export class Sessions {
  readonly refreshTokens: RefreshTokens;

  constructor(
    private readonly issuer: AccessTokenIssuer,
    @Inject(AUTH_CONFIG) config: AuthConfig,
  ) {
    this.refreshTokens = new RefreshTokens(config.REFRESH_TOKEN_TTL_SECONDS);
  }

  /** A new refresh family: one per login. */
  async start(tx: SqlClient, accountId: string, roles: readonly Role[]): Promise<Session> {
    const refreshToken = await this.refreshTokens.startFamily(tx, accountId);
    return this.session(accountId, roles, refreshToken);
  }

  async session(accountId: string, roles: readonly Role[], refreshToken: string): Promise<Session> {
    const access = await this.issuer.issue(accountId, roles);
    return {
      accountId,
      tokenType: 'Bearer',
      accessToken: access.token,
      expiresIn: access.expiresIn,
      refreshToken,
    };
  }
}
