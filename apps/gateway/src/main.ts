import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { GatewayModule } from './gateway.module';
import { UpstreamsReadiness } from './health/upstreams.health';
import { gatewayMigrations } from './infrastructure/migrations/gateway-migrations';

export const gatewayService = {
  service: 'gateway',
  module: GatewayModule,
  migrations: gatewayMigrations,
  readinessChecks: [UpstreamsReadiness],
} as const;

if (require.main === module) void runService(gatewayService);
