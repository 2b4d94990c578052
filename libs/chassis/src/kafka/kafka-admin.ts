import { consumerLag, type PartitionLag } from '@blog/consumer';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Admin, logLevel } from 'kafkajs';
import { SERVICE_CONFIG } from '../config/config.tokens';
import type { ServiceConfig } from '../config/service-config';
import { createKafka } from './kafka-client';

/**
 * A lazily connected Kafka admin client for health and lag checks. It reconnects
 * on the next call after a failure, so readiness recovers when Kafka returns.
 */
@Injectable()
export class KafkaAdmin implements OnApplicationShutdown {
  /** The connection attempt, shared: readiness asks several things of Kafka at once. */
  private admin: Promise<Admin> | undefined;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  describeCluster(): Promise<{ brokers: number; controller: number | null }> {
    return this.use(async (admin) => {
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length, controller: cluster.controller };
    });
  }

  /** Records the group has yet to commit, per partition of its topics. */
  consumerLag(
    groupId: string,
    topics: readonly string[],
  ): Promise<{ total: number; partitions: PartitionLag[] }> {
    return this.use((admin) => consumerLag(admin, groupId, topics));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }

  private async use<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    try {
      return await work(await this.connected());
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  private connected(): Promise<Admin> {
    this.admin ??= this.connect();
    return this.admin;
  }

  private async connect(): Promise<Admin> {
    const admin = createKafka({
      clientId: `${this.config.SERVICE_NAME}-admin`,
      brokers: this.config.KAFKA_BROKERS,
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    // With retries off, a group-coordinator lookup (consumer lag) fails with "No brokers in
    // the broker pool" until a first metadata answer has filled the pool: ask for one here.
    await admin.describeCluster();
    return admin;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }
}
