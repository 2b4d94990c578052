import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { GatewayModule } from './gateway.module';
import { UpstreamsReadiness } from './health/upstreams.health';

export const gatewayService = {
  service: 'gateway',
  module: GatewayModule,
  migrations: [],
  readinessChecks: [UpstreamsReadiness],
} as const;

if (require.main === module) void runService(gatewayService);
