import { ServiceMetrics } from '@blog/observability';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool.provider';
import { ConsumerLagProbe } from '../messaging/consumer-lag.probe';

/**
 * Fills `consumer_lag` and `dead_letters_open` when Prometheus scrapes: both are states
 * (Kafka offsets, rows), cheaper to read on demand than to track on every message.
 */
@Injectable()
export class ConsumerMetricsCollector implements OnApplicationBootstrap, OnApplicationShutdown {
  private remove: (() => void) | undefined;

  constructor(
    private readonly probe: ConsumerLagProbe,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly metrics: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.probe.groups().length === 0) return;
    this.remove = this.metrics.addScrapeCollector(async () => {
      await Promise.allSettled([this.collectLag(), this.collectDeadLetters()]);
    });
  }

  /** The process registry outlives an app (tests boot several in one process). */
  onApplicationShutdown(): void {
    this.remove?.();
  }

  private async collectLag(): Promise<void> {
    for (const { consumer, byTopic } of await this.probe.sample()) {
      for (const [topic, lag] of Object.entries(byTopic)) {
        this.metrics.setConsumerLag(consumer, topic, lag);
      }
    }
  }

  private async collectDeadLetters(): Promise<void> {
    const consumers = this.probe.groups().map((group) => group.consumer);
    const { rows } = await this.pool.query<{ consumer: string; open: number }>(
      `SELECT consumer, count(*)::int AS open FROM dead_letters
        WHERE status <> 'resolved' AND consumer = ANY($1) GROUP BY consumer`,
      [consumers],
    );
    for (const consumer of consumers) {
      this.metrics.setDeadLettersOpen(
        consumer,
        rows.find((r) => r.consumer === consumer)?.open ?? 0,
      );
    }
  }
}
