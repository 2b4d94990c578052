/** A record as both clients send it: strings, as the outbox's key, JSON value and headers are. */
export interface BenchRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The four things the benchmark asks of a Kafka client, so both run the same harness.
 * `produce` is one request's worth (a batch) acknowledged by all in-sync replicas.
 */
export interface ClientUnderTest {
  readonly name: string;
  connect(): Promise<void>;
  produce(topic: string, records: readonly BenchRecord[]): Promise<void>;
  /**
   * Reads `topic` from the earliest offset with a new group, decoding each record's value
   * and headers to strings (as libs/consumer does), until `count` records have arrived.
   * Resolves with performance.now() of the first and the last record.
   */
  consume(topic: string, groupId: string, count: number): Promise<{ first: number; last: number }>;
  close(): Promise<void>;
}

export const CLIENTS = ['kafkajs', 'platformatic'] as const;
export type ClientName = (typeof CLIENTS)[number];

/** What client-run.ts prints for one client and round. */
export interface RunReport {
  readonly client: string;
  readonly produced: number;
  readonly produceMsgsPerSecond: number;
  readonly batchLatency: { p50: number; p99: number; max: number };
  readonly produceCpuMsPer1k: number;
  readonly singleLatency: { p50: number; p99: number; max: number };
  readonly consumed: number;
  readonly consumeMsgsPerSecond: number;
  /** From consume() to the first record: group join and the first fetch. */
  readonly consumeStartMs: number;
  readonly consumeCpuMsPer1k: number;
}
