import { type DynamicModule, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { metrics as processMetrics } from './process-metrics';
import { ServiceMetrics } from './service-metrics';

/**
 * Serves /metrics and makes {@link ServiceMetrics} injectable everywhere. Global because
 * consumers, sagas and the event store all record into the same process registry.
 */
@Module({})
export class MetricsModule {
  static forRoot(metrics: ServiceMetrics = processMetrics): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: ServiceMetrics, useValue: metrics }],
      exports: [ServiceMetrics],
    };
  }
}
