import { Global, Module } from '@nestjs/common';
import { GATEWAY_CONFIG, loadGatewayConfig } from './gateway.config';

/**
 * Global so the readiness check, which the chassis module instantiates, sees it too. The
 * keys are read from process.env: the chassis parses only its own keys from the
 * environment createServiceApp is given.
 */
@Global()
@Module({
  providers: [{ provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig(process.env) }],
  exports: [GATEWAY_CONFIG],
})
export class GatewayConfigModule {}
