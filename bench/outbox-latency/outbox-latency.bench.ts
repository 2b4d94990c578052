/**
 * Commit-to-consumer latency through Postgres → {Debezium tuned | Debezium defaults | a
 * 100 ms polling publisher} → Kafka → a consumer's handler, side by side in one run at
 * steady rates. Prints p50/p99/max per path and rate and the ratios the targets use.
 *
 *   npm run build && node dist/bench/outbox-latency/outbox-latency.bench.js [--seconds 15] [--rates 200,1000] [--poll-ms 50]
 *
 * --poll-ms sets the tuned connector's poll.interval.ms (default: the template's). Debezium's
 * Postgres connector sleeps that long both when the replication stream is idle and when
 * its queue is empty, so it bounds latency from below and costs idle CPU when lowered.
 *
 * Needs the local stack (bash scripts/stack.sh up). Creates and removes its own databases,
 * connectors, slots and topics. Exits non-zero only if it could not run.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { publishToOutbox } from '@blog/outbox';
import { inTransaction } from '@blog/sql';
import { ensureTopics, STACK } from '@blog/testing';
import { Kafka, logLevel } from 'kafkajs';
import { deleteKafkaLeftovers } from '../lib/kafka-cleanup';
import { markdownTable, summarise, type Summary } from '../lib/stats';
import { debeziumPath, type LatencyPath, pollerPath } from './latency-paths';

const kafka = new Kafka({
  clientId: 'bench-latency',
  brokers: [...STACK.kafkaBrokers],
  logLevel: logLevel.NOTHING,
});

/** Commits one single-row transaction every 1/rate s for `seconds`; returns commit times by message id. */
async function steadyLoad(
  path: LatencyPath,
  rate: number,
  seconds: number,
): Promise<Map<string, number>> {
  const pool = path.database.pool();
  const committed = new Map<string, number>();
  const total = rate * seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1_000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
    const messageId = randomUUID();
    inFlight.push(
      inTransaction(pool, (tx) =>
        publishToOutbox(tx, [
          {
            messageId,
            aggregateType: path.aggregateType,
            aggregateId: `agg-${i % 50}`,
            type: 'BenchEvent',
            payload: { i },
            correlationId: messageId,
            occurredAt: new Date(),
            schemaVersion: 1,
          },
        ]),
      ).then(() => {
        committed.set(messageId, performance.now());
      }),
    );
    if (inFlight.length >= 64) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  return committed;
}

async function measure(path: LatencyPath, rate: number, seconds: number): Promise<Summary> {
  const topic = `outbox.event.${path.aggregateType}`;
  const received = new Map<string, number>();
  const groupId = `bench-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 10 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  const joined = new Promise<void>((resolveJoin) =>
    consumer.on(consumer.events.GROUP_JOIN, () => resolveJoin()),
  );
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.['id']?.toString();
      if (id && !received.has(id)) received.set(id, performance.now());
    },
  });
  await joined;
  const committed = await steadyLoad(path, rate, seconds);
  const deadline = performance.now() + 30_000;
  while (received.size < committed.size && performance.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  await consumer.disconnect();
  await deleteKafkaLeftovers([], [groupId]);
  const latencies = [...committed].flatMap(([id, at]) => {
    const got = received.get(id);
    return got === undefined ? [] : [got - at];
  });
  if (latencies.length < committed.size) {
    process.stderr.write(
      `${path.name} @${rate}/s: ${committed.size - latencies.length} not received in time\n`,
    );
  }
  return summarise(latencies);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      rates: { type: 'string', default: '200,1000' },
      'poll-ms': { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const rates = (values.rates ?? '').split(',').map(Number);
  const producer = kafka.producer();
  await producer.connect();
  const pollMs = values['poll-ms'] === undefined ? undefined : Number(values['poll-ms']);
  const paths = [
    await debeziumPath(true, pollMs),
    await debeziumPath(false),
    await pollerPath(producer),
  ];
  const results: { path: string; rate: number; summary: Summary }[] = [];
  try {
    await ensureTopics(paths.map((path) => `outbox.event.${path.aggregateType}`));
    for (const rate of rates) {
      for (const path of paths) {
        process.stderr.write(`${path.name} at ${rate}/s for ${seconds}s…\n`);
        results.push({ path: path.name, rate, summary: await measure(path, rate, seconds) });
      }
    }
  } finally {
    await Promise.all(paths.map((path) => path.close()));
    await producer.disconnect();
  }
  const rows = results.map(({ path, rate, summary }) => [
    path,
    rate,
    summary.count,
    summary.p50,
    summary.p99,
    summary.max,
  ]);
  process.stdout.write(
    `${markdownTable(['path', 'events/s', 'received', 'p50 ms', 'p99 ms', 'max ms'], rows)}\n\n`,
  );
  const ratioRows = rates.map((rate) => {
    const of = (name: string) => results.find((r) => r.path === name && r.rate === rate)?.summary;
    const tuned = of('debezium-tuned');
    const defaults = of('debezium-defaults');
    const poller = of('poller-100ms');
    return [
      rate,
      defaults && tuned ? defaults.p50 / tuned.p50 : Number.NaN,
      poller && tuned ? poller.p99 / tuned.p99 : Number.NaN,
    ];
  });
  process.stdout.write(
    `${markdownTable(['events/s', 'defaults p50 / tuned p50 (target ≥ 5)', 'poller p99 / tuned p99 (target ≥ 3)'], ratioRows)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `outbox-latency bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
