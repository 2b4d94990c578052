import 'reflect-metadata';
import { runService, type ServiceDefinition } from '@blog/chassis';
import type { INestApplicationContext } from '@nestjs/common';
import { SAGA_MONITOR } from './consumers/saga-monitor.consumer';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { UpstreamsReadiness } from './health/upstreams.health';
import { gatewayMigrations } from './infrastructure/migrations/gateway-migrations';

/**
 * The monitor reads the configured topics (none when switched off), and starts in the
 * background: the edge serves while Kafka is away, and the monitor catches up after.
 */
function sagaMonitorInbox(app: INestApplicationContext) {
  const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
  const topics = config.SAGA_MONITOR_ENABLED ? config.SAGA_MONITOR_TOPICS : [];
  return {
    inBackground: true,
    topicsOf: (consumer: string) => (consumer === SAGA_MONITOR ? topics : undefined),
  };
}

export const gatewayService: ServiceDefinition = {
  service: 'gateway',
  module: GatewayModule,
  migrations: gatewayMigrations,
  readinessChecks: [UpstreamsReadiness],
  inbox: sagaMonitorInbox,
};

if (require.main === module) void runService(gatewayService);
