import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  APPEND_DURATION_BUCKETS,
  COMMIT_TO_CONSUME_BUCKETS,
  HTTP_DURATION_BUCKETS,
} from './metric-buckets';

/** Mirrors `ProcessOutcome` in @blog/consumer; passing `onOutcome` through checks they agree. */
export type ConsumerOutcome = 'processed' | 'duplicate' | 'ignored' | 'dead-lettered' | 'parked';

/** Mirrors `SagaOutcome` of @blog/saga's saga log: a closed set, as label values must be. */
export type SagaOutcome = 'started' | 'succeeded' | 'failed' | 'compensated' | 'timed_out';

/**
 * Refreshes gauges that are cheaper to read than to track (consumer lag, open dead letters)
 * right before a scrape. It must settle quickly; a slow or failing one keeps the last values.
 */
export type ScrapeCollector = () => Promise<void>;

const COLLECT_TIMEOUT_MS = 1_000;

export interface ServiceMetricsOptions {
  /** Tests pass a fresh registry; services share the process one (see process-metrics). */
  readonly registry?: Registry;
  /** Node's process metrics (CPU, memory, event loop lag, GC); on unless a test turns it off. */
  readonly defaultMetrics?: boolean;
}

/** Every metric a service exposes at /metrics, with one small typed method per observation. */
export class ServiceMetrics {
  readonly registry: Registry;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly commitToConsume: Histogram<'consumer' | 'topic'>;
  private readonly consumerMessages: Counter<'consumer' | 'outcome'>;
  private readonly consumerLag: Gauge<'consumer' | 'topic'>;
  private readonly deadLettersOpen: Gauge<'consumer'>;
  private readonly sagaOutcomes: Counter<'saga_type' | 'step' | 'outcome'>;
  private readonly appendDuration: Histogram;
  private readonly collectors = new Set<ScrapeCollector>();

  constructor(options: ServiceMetricsOptions = {}) {
    const registry = options.registry ?? new Registry();
    const registers = [registry];
    this.registry = registry;
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
    this.httpDuration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Time from request received to response sent, by route template.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_DURATION_BUCKETS,
      registers,
    });
    this.commitToConsume = new Histogram({
      name: 'outbox_commit_to_consume_seconds',
      help: "Time from the message's occurredAt (outbox commit) to its handler starting.",
      labelNames: ['consumer', 'topic'],
      buckets: COMMIT_TO_CONSUME_BUCKETS,
      registers,
    });
    this.consumerMessages = new Counter({
      name: 'consumer_messages_total',
      help: 'Kafka records handled, by consumer and outcome.',
      labelNames: ['consumer', 'outcome'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'consumer_lag',
      help: 'Records produced but not yet committed by the consumer group.',
      labelNames: ['consumer', 'topic'],
      registers,
    });
    this.deadLettersOpen = new Gauge({
      name: 'dead_letters_open',
      help: 'Dead letters (failed or waiting behind a parked key) not yet re-driven.',
      labelNames: ['consumer'],
      registers,
    });
    this.sagaOutcomes = new Counter({
      name: 'saga_outcomes_total',
      help: "Saga steps this service committed to its saga log, by saga type, step and outcome; the initiator's steps are the sagas' own outcomes.",
      labelNames: ['saga_type', 'step', 'outcome'],
      registers,
    });
    this.appendDuration = new Histogram({
      name: 'eventstore_append_duration_seconds',
      help: 'Time to append events to a stream: the optimistic version check, the inserts and the inline projections.',
      buckets: APPEND_DURATION_BUCKETS,
      registers,
    });
  }

  observeHttpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  /** Clock skew between hosts can put occurredAt in the future; that counts as zero. */
  observeCommitToConsume(
    consumer: string,
    topic: string,
    occurredAtIso: string,
    now: number = Date.now(),
  ): void {
    const occurredAt = Date.parse(occurredAtIso);
    if (Number.isNaN(occurredAt)) return;
    this.commitToConsume.observe({ consumer, topic }, Math.max(0, now - occurredAt) / 1000);
  }

  countConsumerOutcome(consumer: string, outcome: ConsumerOutcome): void {
    this.consumerMessages.inc({ consumer, outcome });
  }

  setConsumerLag(consumer: string, topic: string, lag: number): void {
    this.consumerLag.set({ consumer, topic }, lag);
  }

  setDeadLettersOpen(consumer: string, count: number): void {
    this.deadLettersOpen.set({ consumer }, count);
  }

  countSagaOutcome(sagaType: string, step: string, outcome: SagaOutcome): void {
    this.sagaOutcomes.inc({ saga_type: sagaType, step, outcome });
  }

  observeEventStoreAppend(seconds: number): void {
    this.appendDuration.observe(seconds);
  }

  /** Times an append, failed ones included: slow conflicts are worth seeing too. */
  async timeEventStoreAppend<T>(append: () => Promise<T>): Promise<T> {
    const stop = this.appendDuration.startTimer();
    try {
      return await append();
    } finally {
      stop();
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Registers a collector run before every scrape; the returned function removes it. */
  addScrapeCollector(collector: ScrapeCollector): () => void {
    this.collectors.add(collector);
    return () => this.collectors.delete(collector);
  }

  /** The Prometheus text exposition of every metric in the registry. */
  async scrape(): Promise<string> {
    await Promise.all([...this.collectors].map((collect) => settleWithin(collect())));
    return this.registry.metrics();
  }
}

/** A scrape never waits on a stuck collector longer than the timeout, and never fails for one. */
async function settleWithin(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, COLLECT_TIMEOUT_MS);
  });
  await Promise.race([work.catch(() => undefined), timeout]);
  clearTimeout(timer);
}
