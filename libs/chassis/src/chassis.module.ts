import { type DynamicModule, Global, Module, type Provider, type Type } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { metrics, ServiceMetrics } from '@blog/observability';
import { TerminusModule } from '@nestjs/terminus';
import { PublicMetricsController } from './observability/public-metrics.controller';
import { AccessTokenVerifier } from './auth/access-token-verifier';
import { AuthenticatedGuard } from './auth/authenticated.guard';
import { RouteAnswerInterceptor } from './http/route-answer.interceptor';
import { SERVICE_CONFIG } from './config/config.tokens';
import type { ServiceConfig } from './config/service-config';
import { OUTBOX_SERVICES } from './config/service-names';
import { CdcReadiness } from './health/cdc.readiness';
import { ConsumerLagReadiness } from './health/consumer-lag.readiness';
import { ConsumerHost } from './messaging/consumer-host';
import { ConsumerLagProbe } from './messaging/consumer-lag.probe';
import { ConsumerMetricsCollector } from './observability/consumer-metrics.collector';
import { DatabaseModule, type MigrationList } from './database/database.module';
import { HealthController, READINESS_CHECKS } from './health/health.controller';
import type { ReadinessCheck } from './health/readiness-check';
import { KafkaAdmin } from './kafka/kafka-admin';
import { OutboxRetentionWorker } from './database/outbox-retention.worker';
import { PG_POOL, pgPoolProvider } from './database/pg-pool.provider';
import type { Pool } from 'pg';

export interface ChassisOptions {
  migrations: MigrationList;
  readinessChecks?: readonly Type<ReadinessCheck>[];
}

/**
 * What every service gets before it writes a line of domain code: validated config,
 * its database with migrations, Kafka admin, liveness and readiness.
 */
@Global()
@Module({})
export class ChassisModule {
  static forService(config: ServiceConfig, options: ChassisOptions): DynamicModule {
    // CDC where the service owns an outbox (and so a connector); consumer lag reports only
    // when the app declares consumers. Then the app's own checks.
    const extraChecks: readonly Type<ReadinessCheck>[] = [
      ...(OUTBOX_SERVICES.includes(config.SERVICE_NAME) ? [CdcReadiness] : []),
      ConsumerLagReadiness,
      ...(options.readinessChecks ?? []),
    ];
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: ServiceMetrics, useValue: metrics },
      KafkaAdmin,
      pgPoolProvider,
      OutboxRetentionWorker,
      AccessTokenVerifier,
      {
        provide: ConsumerHost,
        inject: [SERVICE_CONFIG, PG_POOL],
        useFactory: (service: ServiceConfig, pool: Pool) => new ConsumerHost(service, pool),
      },
      ConsumerLagProbe,
      ConsumerMetricsCollector,
      { provide: APP_GUARD, useClass: AuthenticatedGuard },
      { provide: APP_INTERCEPTOR, useClass: RouteAnswerInterceptor },
      ...extraChecks,
      {
        provide: READINESS_CHECKS,
        useFactory: (...checks: ReadinessCheck[]) => checks,
        inject: [...extraChecks],
      },
    ];
    return {
      module: ChassisModule,
      imports: [
        DatabaseModule.forService(config, options.migrations),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, PublicMetricsController],
      providers,
      exports: [
        SERVICE_CONFIG,
        KafkaAdmin,
        PG_POOL,
        AccessTokenVerifier,
        ServiceMetrics,
        ConsumerHost,
      ],
    };
  }
}
