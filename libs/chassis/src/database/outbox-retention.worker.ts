import { pruneOutbox } from '@blog/outbox';
import { inTransaction } from '@blog/sql';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { SERVICE_CONFIG } from '../config/config.tokens';
import type { ServiceConfig } from '../config/service-config';
import { PG_POOL } from './pg-pool.provider';

const EVERY_MS = 60 * 60_000;

/** Prunes outbox rows past the retention window, hourly, in services that have an outbox. */
@Injectable()
export class OutboxRetentionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('outbox-retention');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { rows } = await this.pool.query<{ has: boolean }>(
      `SELECT to_regclass('public.outbox') IS NOT NULL AS has`,
    );
    if (!rows[0]?.has) return;
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const deleted = await inTransaction(this.pool, (tx) =>
          pruneOutbox(tx, this.config.OUTBOX_RETENTION_DAYS),
        );
        total += deleted;
        if (deleted === 0) break;
      }
      if (total > 0) this.logger.log({ message: 'outbox pruned', deleted: total });
    } catch (error) {
      this.logger.warn({
        message: 'outbox pruning failed; next run in an hour',
        error: String(error),
      });
    }
    return total;
  }
}
