import { createKafka, PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@blog/chassis';
import {
  DeadLetterAdmin,
  KafkaDeadLetterSink,
  KafkaMessageConsumer,
  MessageProcessor,
} from '@blog/consumer';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Kafka, logLevel, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { discoverOutboxTopics, sameTopics } from './outbox-topics';
import { sagaMessageHandlers } from './saga-message.handlers';

const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * The saga monitor's inbound channel: every outbox topic, through the inbox. A local
 * consumer rather than the chassis ConsumerHost, which takes a fixed topic list: topics
 * appear as aggregate types do, and kafkajs resolves a subscription only when it
 * subscribes, so the topic list is re-read periodically and the consumer re-subscribes
 * when it grew. Starts in the background: the edge serves even while Kafka is away.
 */
@Injectable()
export class OutboxTopicsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('saga-monitor');
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly processor: MessageProcessor;
  /** The monitor's own dead letters, for the admin routes. */
  readonly deadLetters: DeadLetterAdmin;
  readonly groupId: string;
  private running: { consumer: KafkaMessageConsumer; topics: readonly string[] } | undefined;
  private producerConnected = false;
  private timer: NodeJS.Timeout | undefined;
  private cycle: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) service: ServiceConfig,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(PG_POOL) pool: Pool,
  ) {
    this.kafka = createKafka({
      clientId: `${service.SERVICE_NAME}-saga-monitor`,
      brokers: service.KAFKA_BROKERS,
      logLevel: logLevel.NOTHING,
    });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true });
    const database = new URL(service.DATABASE_URL).pathname.slice(1);
    this.groupId = config.SAGA_MONITOR_GROUP_ID ?? `gateway.saga-monitor.${database}`;
    this.processor = new MessageProcessor({
      consumer: 'gateway.saga-monitor',
      pool,
      handlers: sagaMessageHandlers(),
      deadLetters: new KafkaDeadLetterSink(this.producer),
    });
    this.deadLetters = new DeadLetterAdmin(pool, this.processor);
  }

  onApplicationBootstrap(): void {
    if (this.config.SAGA_MONITOR_ENABLED) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.cycle;
    await this.running?.consumer.stop();
    this.running = undefined;
    if (this.producerConnected) await this.producer.disconnect();
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.cycle = this.refresh().then((ok) => {
        if (this.stopped) return;
        const refreshMs = this.config.SAGA_MONITOR_TOPIC_REFRESH_MS;
        this.schedule(ok ? refreshMs : Math.min(refreshMs, RETRY_AFTER_FAILURE_MS));
      });
    }, delayMs);
  }

  private async refresh(): Promise<boolean> {
    try {
      const topics = await discoverOutboxTopics(this.kafka, this.config.SAGA_MONITOR_TOPIC_PATTERN);
      const before = this.running?.topics ?? [];
      if (this.running && sameTopics(topics, before)) return true;
      await this.stopConsumer();
      if (topics.length === 0 || this.stopped) return true;
      await this.startConsumer(topics);
      this.logger.log({
        message: 'saga monitor subscribed',
        groupId: this.groupId,
        topics: topics.length,
        added: topics.filter((topic) => !before.includes(topic)).slice(0, 20),
      });
      return true;
    } catch (error) {
      this.logger.warn({ message: 'saga monitor could not subscribe', error: String(error) });
      await this.stopConsumer().catch(() => undefined);
      return false;
    }
  }

  private async startConsumer(topics: readonly string[]): Promise<void> {
    if (!this.producerConnected) {
      await this.producer.connect();
      this.producerConnected = true;
    }
    const consumer = new KafkaMessageConsumer({
      kafka: this.kafka,
      groupId: this.groupId,
      topics,
      processor: this.processor,
      onOutcome: (outcome, record) => {
        if (outcome === 'dead-lettered' || outcome === 'parked') {
          this.logger.warn({
            message: `saga message ${outcome}`,
            topic: record.topic,
            key: record.key,
          });
        }
      },
    });
    this.running = { consumer, topics };
    await consumer.start();
  }

  private async stopConsumer(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.consumer.stop();
  }
}
