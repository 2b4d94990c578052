/**
 * One client, one process: produce N records in batches, then single records one at a
 * time, then consume them all; prints one JSON line. kafka-client.bench.ts starts this per
 * client and round so neither client's heap, JIT or sockets colour the other's figures.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { summarise } from '../lib/stats';
import {
  type BenchRecord,
  CLIENTS,
  type ClientUnderTest,
  type RunReport,
} from './client-under-test';
import { kafkajsClient } from './kafkajs-client';
import { platformaticClient } from './platformatic-client';

const { values } = parseArgs({
  options: {
    client: { type: 'string' },
    topic: { type: 'string' },
    group: { type: 'string' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    messages: { type: 'string', default: '50000' },
    bytes: { type: 'string', default: '500' },
    batch: { type: 'string', default: '100' },
    'in-flight': { type: 'string', default: '4' },
    singles: { type: 'string', default: '1000' },
  },
});

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1_000;
};

function records(count: number, bytes: number, offset: number): BenchRecord[] {
  const value = JSON.stringify({ filler: 'x'.repeat(Math.max(0, bytes - 13)) });
  return Array.from({ length: count }, (_, i) => ({
    key: `agg-${(offset + i) % 1_000}`,
    value,
    headers: { id: randomUUID(), eventType: 'BenchEvent', schemaVersion: '1' },
  }));
}

async function produceBatches(client: ClientUnderTest, topic: string, total: number) {
  const batch = Number(values.batch);
  const inFlight = Number(values['in-flight']);
  // Built before the clock starts: what is timed is the client's work, not the harness's.
  const all = records(total, Number(values.bytes), 0);
  const chunks = Array.from({ length: Math.ceil(total / batch) }, (_, i) =>
    all.slice(i * batch, (i + 1) * batch),
  );
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = cpuMs();
  const started = performance.now();
  const sender = async () => {
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
      const sentAt = performance.now();
      await client.produce(topic, chunk);
      latencies.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  const seconds = (performance.now() - started) / 1_000;
  return {
    msgsPerSecond: total / seconds,
    latency: summarise(latencies),
    cpuMsPer1k: (cpuMs() - cpuBefore) / (total / 1_000),
  };
}

async function produceSingles(client: ClientUnderTest, topic: string, count: number) {
  const latencies: number[] = [];
  const singles = records(count, Number(values.bytes), 0);
  for (const record of singles) {
    const sentAt = performance.now();
    await client.produce(topic, [record]);
    latencies.push(performance.now() - sentAt);
  }
  return summarise(latencies);
}

async function main(): Promise<void> {
  const name = CLIENTS.find((client) => client === values.client);
  if (!name) throw new Error(`--client must be one of ${CLIENTS.join(', ')}`);
  const brokers = values.brokers.split(',');
  const client = name === 'kafkajs' ? kafkajsClient(brokers) : platformaticClient(brokers);
  const topic = values.topic ?? '';
  const total = Number(values.messages);
  const singles = Number(values.singles);
  await client.connect();
  // A few sends first: connections and metadata are ready, the JIT has seen the path.
  for (let i = 0; i < 20; i += 1) await client.produce(topic, records(10, Number(values.bytes), i));
  const batches = await produceBatches(client, topic, total);
  const single = await produceSingles(client, topic, singles);
  const expected = total + singles + 200;
  const cpuBefore = cpuMs();
  const asked = performance.now();
  const consumed = await client.consume(topic, values.group ?? randomUUID(), expected);
  const consumeCpu = cpuMs() - cpuBefore;
  await client.close();
  const report: RunReport = {
    client: client.name,
    produced: total,
    produceMsgsPerSecond: batches.msgsPerSecond,
    batchLatency: batches.latency,
    produceCpuMsPer1k: batches.cpuMsPer1k,
    singleLatency: single,
    consumed: expected,
    consumeMsgsPerSecond: expected / ((consumed.last - consumed.first) / 1_000),
    consumeStartMs: consumed.first - asked,
    consumeCpuMsPer1k: consumeCpu / (expected / 1_000),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `client run failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
