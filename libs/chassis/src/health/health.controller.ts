import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Pool } from 'pg';
import { Public } from '../auth/authenticated.guard';
import { PG_POOL } from '../database/pg-pool.provider';
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
    // The pool the services query through, not terminus's TypeORM indicator: that one loads
    // typeorm by a dynamic import(), a second copy when the service runs from its bundle.
    @Inject(PG_POOL) private readonly pool: Pool,
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
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.pool.query('SELECT 1');
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('kafka')
          .attempt(() => this.kafka.describeCluster())
          .withTimeout(CHECK_TIMEOUT_MS),
      ...this.extraChecks.map((extra) => () => extra.check()),
    ]);
  }
}
