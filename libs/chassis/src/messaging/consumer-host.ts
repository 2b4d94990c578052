import {
  DeadLetterAdmin,
  ensureTopics,
  type DeadLetterSink,
  KafkaDeadLetterSink,
  KafkaMessageConsumer,
  type MessageHandler,
  MessageProcessor,
  type RetryPolicy,
} from '@blog/consumer';
import { metrics, withConsumerSpan } from '@blog/observability';
import { Logger } from '@nestjs/common';
import { type Kafka, type Producer, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import type { ServiceConfig } from '../config/service-config';
import { createKafka } from '../kafka/kafka-client';
import { kafkaLogCreator } from '../kafka/kafka-log-creator';
import { logHandledMessage } from './handled-message.log';

/** Matches the broker's default (num.partitions) so every topic scales the same way. */
const TOPIC_PARTITIONS = 3;

/** One inbound channel of a service: a consumer group, its topics and its handlers. */
export interface ConsumerDefinition {
  /** Consumer group id and inbox name, e.g. `user.sign-up`. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly handlers: readonly MessageHandler<unknown>[];
  readonly retry?: RetryPolicy;
}

/** A consumer group as readiness and /metrics see it. */
export interface ConsumerGroup {
  readonly consumer: string;
  readonly groupId: string;
  readonly topics: readonly string[];
}

/** Waits between attempts of a start in the background. */
const BACKGROUND_RETRY_MS = { initial: 1_000, max: 30_000 };

/**
 * Runs a service's consumer groups for the inbox transport (inbox-transport.ts), which
 * hands it the groups the app declares. Holds no state a second instance would need:
 * offsets live in Kafka, inbox and dead letters in Postgres.
 */
export class ConsumerHost {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly running: KafkaMessageConsumer[] = [];
  private readonly dlqAdmins = new Map<string, DeadLetterAdmin>();
  private readonly processors = new Map<string, MessageProcessor>();
  private readonly database: string;
  private readonly logger = new Logger('consumer');
  private defined: readonly ConsumerDefinition[] = [];
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    config: ServiceConfig,
    private readonly pool: Pool,
  ) {
    this.kafka = createKafka({
      clientId: config.SERVICE_NAME,
      brokers: config.KAFKA_BROKERS,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
    });
    this.database = new URL(config.DATABASE_URL).pathname.slice(1);
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true });
  }

  /** Each group's dead letters, for the admin routes. */
  get admins(): ReadonlyMap<string, DeadLetterAdmin> {
    return this.dlqAdmins;
  }

  /**
   * Offsets and the inbox that makes them safe belong together: instances sharing one
   * database share one group (that is scaling out), while the same service on another
   * database (a test's fresh one, a staging copy on the same cluster) must not take the
   * real instances' partitions and commit offsets for messages it applied elsewhere.
   */
  groupIdOf(consumer: string): string {
    return `${consumer}.${this.database}`;
  }

  groups(): ConsumerGroup[] {
    return this.defined.map(({ name, topics }) => ({
      consumer: name,
      groupId: this.groupIdOf(name),
      topics,
    }));
  }

  /** The dead letters of one of the groups: known from the moment the groups are defined. */
  adminOf(consumer: string): DeadLetterAdmin {
    const admin = this.dlqAdmins.get(consumer);
    if (!admin) throw new Error(`no consumer group ${consumer} in this service`);
    return admin;
  }

  async start(definitions: readonly ConsumerDefinition[]): Promise<void> {
    this.define(definitions);
    await this.run();
  }

  /** As start, retried with backoff until it succeeds or the host stops. */
  startInBackground(definitions: readonly ConsumerDefinition[]): void {
    this.define(definitions);
    const attempt = (delayMs: number) => {
      this.retryTimer = setTimeout(() => {
        if (this.stopped) return;
        this.run().catch(async (error: unknown) => {
          this.logger.warn({ message: 'consumers could not start', error: String(error) });
          await this.stopConsumers().catch(() => undefined);
          attempt(
            Math.min(Math.max(delayMs * 2, BACKGROUND_RETRY_MS.initial), BACKGROUND_RETRY_MS.max),
          );
        });
      }, delayMs);
    };
    attempt(0);
  }

  private async run(): Promise<void> {
    if (this.defined.length === 0) return;
    await this.createTopics();
    await this.producer.connect();
    for (const definition of this.defined) {
      const processor = this.processors.get(definition.name);
      if (!processor) continue;
      const consumer = new KafkaMessageConsumer({
        kafka: this.kafka,
        groupId: this.groupIdOf(definition.name),
        topics: definition.topics,
        processor,
        onOutcome: (outcome) => metrics.countConsumerOutcome(definition.name, outcome),
      });
      await consumer.start();
      this.running.push(consumer);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.stopConsumers();
    await this.producer.disconnect();
  }

  private async stopConsumers(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }

  /**
   * Every group gets its processor and dead-letter admin; a group with no topics (a
   * monitor switched off) is not run, but its dead letters stay reachable.
   */
  private define(definitions: readonly ConsumerDefinition[]): void {
    this.defined = definitions.filter((definition) => definition.topics.length > 0);
    const sink: DeadLetterSink = new KafkaDeadLetterSink(this.producer);
    for (const definition of definitions) {
      const processor = new MessageProcessor({
        consumer: definition.name,
        pool: this.pool,
        handlers: definition.handlers,
        deadLetters: sink,
        ...(definition.retry ? { retry: definition.retry } : {}),
        // One consumer span per message, continuing the producer's trace from the
        // outbox row's traceparent; its logs carry the saga, correlation and message ids.
        around: (message, work) =>
          withConsumerSpan(message.envelope, message.topic, async () => {
            metrics.observeCommitToConsume(
              definition.name,
              message.topic,
              message.envelope.occurredAt,
            );
            const startedAt = performance.now();
            const outcome = await work();
            logHandledMessage(this.logger, definition.name, message, outcome, startedAt);
            return outcome;
          }),
      });
      this.processors.set(definition.name, processor);
      this.dlqAdmins.set(definition.name, new DeadLetterAdmin(this.pool, processor));
    }
  }

  private async createTopics(): Promise<void> {
    const topics = [...new Set(this.defined.flatMap((definition) => definition.topics))];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, topics, TOPIC_PARTITIONS);
    } finally {
      await admin.disconnect();
    }
  }
}
