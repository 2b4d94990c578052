import { type Consumer, type IHeaders, type Kafka, KafkaJSError } from 'kafkajs';
import type { ConsumedRecord } from './consumed-record';
import type { RawHeaders } from './envelope';
import type { MessageProcessor, ProcessOutcome } from './message-processor';

export interface KafkaMessageConsumerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly processor: MessageProcessor;
  /** Partitions are independent; within one, records are handled strictly in order. */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Off only in tests that simulate a crash after the effect committed but before the
   * offset did: the next consumer of the group then sees every record again.
   */
  readonly commitOffsets?: boolean;
  readonly onOutcome?: (outcome: ProcessOutcome, record: ConsumedRecord) => void;
}

function decodeHeaders(headers: IHeaders | undefined): RawHeaders {
  const decoded: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    decoded[name] = value === undefined || value === null ? null : value.toString();
  }
  return decoded;
}

/** Waits between attempts to bring back a consumer kafkajs gave up on. */
const REVIVE_BACKOFF_MS = { initial: 1_000, max: 30_000 };

/**
 * Records of one partition applied in one transaction at most: big enough that the commit's
 * WAL flush is shared by many messages, small enough that a fallback to one-by-one (a
 * failure anywhere in the chunk) and a rebalance mid-batch redo little work.
 */
const MAX_RECORDS_PER_TRANSACTION = 100;

/** How long start-up keeps retrying a broker that is not ready for a just-created topic. */
const START_RETRY_MS = 30_000;

const HEARTBEAT_INTERVAL_MS = 1_000;

/**
 * kafkajs heartbeats only between fetches and when asked: a chunk whose handlers retry
 * through a database restart would otherwise outlive the session and hand its partitions
 * to another member mid-transaction. A refused heartbeat (a rebalance began) is left for
 * the heartbeat after the chunk, which kafkajs acts on.
 */
async function heartbeatWhile<T>(
  heartbeat: () => Promise<void>,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_INTERVAL_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

function isRetriable(error: unknown): boolean {
  return error instanceof KafkaJSError && error.retriable;
}

/**
 * kafkajs adapter: subscribes, hands each partition's records to the processor in order, in
 * chunks it may apply in one transaction, and commits offsets after.
 *
 * kafkajs restarts its consumer after retriable crashes only. After a broker restart it can
 * crash with a non-retriable KafkaJSGroupCoordinatorNotFound and then simply stop, for
 * good (tulios/kafkajs#1630, #1445): the service stays up, its partitions unread, sagas
 * stuck. So a crash kafkajs will not restart from is answered here with a fresh consumer
 * for the same group, with backoff, until it runs again or the service stops.
 */
export class KafkaMessageConsumer {
  private consumer: Consumer;
  private stopped = false;
  private reviveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: KafkaMessageConsumerOptions) {
    this.consumer = this.createConsumer();
  }

  /**
   * Resolves once the consumer joined its group. On a fresh broker a topic can be listed
   * with a leader a moment before the broker serves it, and subscribing then fails with a
   * retriable UNKNOWN_TOPIC_OR_PARTITION (a fresh CI stack lost a service to it); kafkajs
   * does not retry subscribe, so start-up retries with a fresh consumer for a bounded time.
   */
  async start(fromBeginning = true): Promise<void> {
    const deadline = Date.now() + START_RETRY_MS;
    for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 2_000)) {
      const joined = this.nextGroupJoin();
      try {
        await this.run(fromBeginning);
        await joined;
        return;
      } catch (error) {
        if (this.stopped || !isRetriable(error) || Date.now() + delayMs > deadline) throw error;
        await this.consumer.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        this.consumer = this.createConsumer();
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reviveTimer);
    await this.consumer.disconnect();
  }

  private nextGroupJoin(): Promise<void> {
    return new Promise<void>((resolve) => {
      const remove = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
  }

  private createConsumer(): Consumer {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      // How long the broker holds a fetch that found nothing; a record that arrives meanwhile
      // is answered at once (minBytes 1), so this costs no latency. At 100 ms the ~15 idle
      // groups of the stack cost 0.7 of this machine's 2 cores in empty fetches.
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
      // A dead instance's partitions wait out its session before a survivor gets them, and
      // a restarted consumer's rejoin waits for its old member's: the broker's minimum
      // (group.min.session.timeout.ms, 6 s) keeps both short. Heartbeats also go out while
      // a chunk is applied (heartbeatWhile), so a handler waiting on Postgres is not dead.
      sessionTimeout: 6_000,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.stopped) this.revive(REVIVE_BACKOFF_MS.initial);
    });
    return consumer;
  }

  private revive(delayMs: number): void {
    clearTimeout(this.reviveTimer);
    this.reviveTimer = setTimeout(() => {
      if (this.stopped) return;
      this.consumer = this.createConsumer();
      // Committed offsets decide where it resumes; fromBeginning only matters for a new group.
      this.run(true).catch(() => {
        void this.consumer.disconnect().catch(() => undefined);
        this.revive(Math.min(delayMs * 2, REVIVE_BACKOFF_MS.max));
      });
    }, delayMs);
  }

  private async run(fromBeginning: boolean): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning });
    await this.consumer.run({
      autoCommit: this.options.commitOffsets ?? true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const records = batch.messages.map((message): ConsumedRecord => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          headers: decodeHeaders(message.headers),
          value: message.value?.toString() ?? null,
        }));
        for (let start = 0; start < records.length; start += MAX_RECORDS_PER_TRANSACTION) {
          // A rebalance took the partition away, or the consumer stops: the rest is not ours.
          if (!isRunning() || isStale()) return;
          const chunk = records.slice(start, start + MAX_RECORDS_PER_TRANSACTION);
          const outcomes = await heartbeatWhile(heartbeat, () =>
            this.options.processor.processBatch(chunk),
          );
          chunk.forEach((record, index) => {
            const outcome = outcomes[index];
            if (outcome) this.options.onOutcome?.(outcome, record);
          });
          const last = chunk.at(-1);
          if (last) resolveOffset(last.offset);
          await heartbeat();
        }
      },
    });
  }
}
