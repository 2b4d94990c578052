import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { SERVICE_CONFIG } from '../config/config.tokens';
import type { ServiceConfig } from '../config/service-config';

/**
 * A lazily connected Kafka admin client for health and lag checks. It reconnects
 * on the next call after a failure, so readiness recovers when Kafka returns.
 */
@Injectable()
export class KafkaAdmin implements OnApplicationShutdown {
  private admin: Admin | undefined;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async describeCluster(): Promise<{ brokers: number; controller: number | null }> {
    const admin = await this.connected();
    try {
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length, controller: cluster.controller };
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }

  private async connected(): Promise<Admin> {
    if (this.admin) return this.admin;
    const admin = new Kafka({
      clientId: `${this.config.SERVICE_NAME}-admin`,
      brokers: this.config.KAFKA_BROKERS,
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
