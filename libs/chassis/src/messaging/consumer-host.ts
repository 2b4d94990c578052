import {
  DeadLetterAdmin,
  ensureTopics,
  type DeadLetterSink,
  KafkaDeadLetterSink,
  KafkaMessageConsumer,
  type MessageHandler,
  MessageProcessor,
  type ProcessOutcome,
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

export type OutcomeListener = (consumer: string, outcome: ProcessOutcome) => void;

/** A consumer group as readiness and /metrics see it. */
export interface ConsumerGroup {
  readonly consumer: string;
  readonly groupId: string;
  readonly topics: readonly string[];
}

/**
 * Starts a service's consumers with the service and stops them with it. Holds no state a
 * second instance would need: offsets live in Kafka, inbox and dead letters in Postgres.
 */
export class ConsumerHost {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly running: KafkaMessageConsumer[] = [];
  readonly admins: ReadonlyMap<string, DeadLetterAdmin>;
  private readonly processors: ReadonlyMap<string, MessageProcessor>;
  private readonly database: string;
  private readonly logger = new Logger('consumer');

  constructor(
    config: ServiceConfig,
    pool: Pool,
    readonly definitions: readonly ConsumerDefinition[],
    private readonly onOutcome: OutcomeListener = () => undefined,
  ) {
    this.kafka = createKafka({
      clientId: config.SERVICE_NAME,
      brokers: config.KAFKA_BROKERS,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
    });
    this.database = new URL(config.DATABASE_URL).pathname.slice(1);
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true });
    const sink: DeadLetterSink = new KafkaDeadLetterSink(this.producer);
    this.processors = new Map(
      definitions.map((definition) => [
        definition.name,
        new MessageProcessor({
          consumer: definition.name,
          pool,
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
        }),
      ]),
    );
    this.admins = new Map(
      [...this.processors].map(([name, processor]) => [name, new DeadLetterAdmin(pool, processor)]),
    );
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
    return this.definitions.map(({ name, topics }) => ({
      consumer: name,
      groupId: this.groupIdOf(name),
      topics,
    }));
  }

  /** Nest lifecycle: consumers run exactly as long as the application. */
  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  async start(): Promise<void> {
    if (this.definitions.length === 0) return;
    await this.createTopics();
    await this.producer.connect();
    for (const definition of this.definitions) {
      const processor = this.processors.get(definition.name);
      if (!processor) continue;
      const consumer = new KafkaMessageConsumer({
        kafka: this.kafka,
        groupId: this.groupIdOf(definition.name),
        topics: definition.topics,
        processor,
        onOutcome: (outcome) => {
          metrics.countConsumerOutcome(definition.name, outcome);
          this.onOutcome(definition.name, outcome);
        },
      });
      await consumer.start();
      this.running.push(consumer);
    }
  }

  private async createTopics(): Promise<void> {
    const topics = [...new Set(this.definitions.flatMap((definition) => definition.topics))];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, topics, TOPIC_PARTITIONS);
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
    await this.producer.disconnect();
  }
}
