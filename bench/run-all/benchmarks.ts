/** The benchmarks of issue 6, in the order run-all runs them, with their quick settings. */
export interface Benchmark {
  readonly key: string;
  /** The item of issue 6 it answers. */
  readonly item: number;
  readonly title: string;
  readonly script: string;
  /** Arguments for --quick: a few seconds each, enough to see it runs end to end. */
  readonly quick: readonly string[];
}

export const BENCHMARKS: readonly Benchmark[] = [
  {
    key: 'outbox-latency',
    item: 1,
    title: 'commit-to-consumer latency',
    script: 'dist/bench/outbox-latency/outbox-latency.bench.js',
    quick: ['--seconds', '3', '--rates', '200'],
  },
  {
    key: 'throughput',
    item: 2,
    title: 'sustained throughput without loss',
    script: 'dist/bench/throughput/throughput.bench.js',
    quick: [
      '--seconds',
      '10',
      '--step-seconds',
      '4',
      '--rates',
      '500,1000',
      '--baseline-seconds',
      '2',
    ],
  },
  {
    key: 'saga-latency',
    item: 3,
    title: 'saga latency end to end',
    script: 'dist/bench/saga-latency/saga-latency.bench.js',
    quick: ['--rate', '2', '--seconds', '5'],
  },
  {
    key: 'gateway',
    item: 4,
    title: 'gateway and framework overhead',
    script: 'dist/bench/gateway/gateway.bench.js',
    quick: ['--seconds', '2', '--warmup-seconds', '1', '--rounds', '1'],
  },
  {
    key: 'tracing-cost',
    item: 4,
    title: 'what tracing costs a request',
    script: 'dist/bench/tracing/tracing-cost.bench.js',
    quick: ['--seconds', '1', '--rounds', '1'],
  },
  {
    key: 'footprint',
    item: 5,
    title: 'memory footprint and start-up',
    script: 'dist/bench/footprint/footprint.bench.js',
    quick: ['--load-seconds', '2'],
  },
  {
    key: 'eventstore',
    item: 6,
    title: 'event store',
    script: 'dist/libs/eventstore/src/bench/eventstore.bench.js',
    quick: ['--single', '200', '--batches', '20', '--rebuild-events', '5000'],
  },
  {
    key: 'kafka-client',
    item: 7,
    title: 'Kafka clients: kafkajs vs @platformatic/kafka',
    script: 'dist/bench/kafka-client/kafka-client.bench.js',
    quick: ['--messages', '5000', '--singles', '100', '--rounds', '1'],
  },
];
