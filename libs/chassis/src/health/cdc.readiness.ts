import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Pool } from 'pg';
import { SERVICE_CONFIG } from '../config/config.tokens';
import type { ServiceConfig } from '../config/service-config';
import { PG_POOL } from '../database/pg-pool.provider';
import { cdcVerdict } from './cdc-verdict';
import { fetchConnectorHealth } from './connector-status';
import type { ReadinessCheck } from './readiness-check';
import { readSlotLag } from './replication-slot';
import { within } from './within';

const CDC_TIMEOUT_MS = 1_000;

/**
 * `cdc` in /health/ready of every service with an outbox: its Debezium connector's state
 * (Kafka Connect REST) and its replication slot's lag (pg_replication_slots). Problems are
 * reported as `degraded`, never `down`: see readiness-check.ts for why.
 */
@Injectable()
export class CdcReadiness implements ReadinessCheck {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async check() {
    const { CONNECT_URL, CDC_CONNECTOR, CDC_SLOT, CDC_MAX_SLOT_LAG_BYTES } = this.config;
    const [connectorHealth, slotLag] = await Promise.all([
      within(CDC_TIMEOUT_MS, 'Kafka Connect', (signal) =>
        fetchConnectorHealth(CONNECT_URL, CDC_CONNECTOR, signal),
      ).catch(() => ({ running: false, state: 'UNREACHABLE' })),
      within(CDC_TIMEOUT_MS, 'the database', () => readSlotLag(this.pool, CDC_SLOT)).catch(
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
    ]);
    const verdict = cdcVerdict({
      connector: CDC_CONNECTOR,
      connectorHealth,
      slot: CDC_SLOT,
      slotLag,
      maxSlotLagBytes: CDC_MAX_SLOT_LAG_BYTES,
    });
    const session = this.indicators.check('cdc');
    return verdict.healthy
      ? session.up(verdict.details)
      : session.degraded({ ...verdict.details, problems: verdict.problems });
  }
}
