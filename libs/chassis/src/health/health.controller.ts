import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/authenticated.guard';
import { KafkaAdmin } from '../kafka/kafka-admin';
import type { ReadinessCheck } from './readiness-check';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

const CHECK_TIMEOUT_MS = 1_500;

/** Liveness says the process serves; readiness says its dependencies answer. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaAdmin,
    @Inject(READINESS_CHECKS) private readonly extraChecks: readonly ReadinessCheck[],
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('kafka')
          .attempt(() => this.kafka.describeCluster())
          .withTimeout(CHECK_TIMEOUT_MS),
      ...this.extraChecks.map((extra) => () => extra.check()),
    ]);
  }
}
