import { Module, type Provider } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig, loadAuthConfig } from './infrastructure/auth-config';
import { JwksHttpController, SIGNING_KEY } from './tokens/jwks.http.controller';
import { loadSigningKey } from './tokens/signing-key';

const configuration: Provider[] = [{ provide: AUTH_CONFIG, useFactory: () => loadAuthConfig() }];

const tokens: Provider[] = [
  {
    provide: SIGNING_KEY,
    inject: [AUTH_CONFIG],
    useFactory: (config: AuthConfig) => loadSigningKey(config.AUTH_SIGNING_KEY_FILE),
  },
];

/** The auth service: accounts, credentials and tokens (see DESIGN.md). */
@Module({
  controllers: [JwksHttpController],
  providers: [...configuration, ...tokens],
})
export class AuthModule {}
