import { Injectable } from '@nestjs/common';
import { KafkaAdmin } from '../kafka/kafka-admin';
import { ConsumerHost, type ConsumerGroup } from './consumer-host';

export interface ConsumerLag {
  readonly consumer: string;
  readonly groupId: string;
  readonly total: number;
  readonly byTopic: Readonly<Record<string, number>>;
}

/** Readiness and /metrics both ask; one measurement a second serves them all. */
const FRESH_MS = 1_000;

/** The lag of this service's consumer groups. */
@Injectable()
export class ConsumerLagProbe {
  private recent: { readonly at: number; readonly lags: Promise<ConsumerLag[]> } | undefined;

  constructor(
    private readonly kafka: KafkaAdmin,
    private readonly host: ConsumerHost,
  ) {}

  groups(): readonly ConsumerGroup[] {
    return this.host.groups();
  }

  sample(): Promise<ConsumerLag[]> {
    const now = Date.now();
    if (this.recent && now - this.recent.at < FRESH_MS) return this.recent.lags;
    const lags = this.measure();
    this.recent = { at: now, lags };
    // A failure is not remembered: the next caller asks Kafka again.
    lags.catch(() => {
      if (this.recent?.lags === lags) this.recent = undefined;
    });
    return lags;
  }

  private measure(): Promise<ConsumerLag[]> {
    return Promise.all(
      this.groups().map(async ({ consumer, groupId, topics }) => {
        const lag = await this.kafka.consumerLag(groupId, topics);
        const byTopic: Record<string, number> = {};
        for (const { topic, lag: behind } of lag.partitions) {
          byTopic[topic] = (byTopic[topic] ?? 0) + behind;
        }
        return { consumer, groupId, total: lag.total, byTopic };
      }),
    );
  }
}
