/**
 * kafkajs 2.2.4 (what the services use) against @platformatic/kafka 1.x on this workload:
 * N records of ~500 bytes with three headers, acks=all, produced in batches with a few in
 * flight, then single records one at a time (the outbox-like case), then consumed from the
 * start by a new group. Each client runs in its own process on its own throwaway topic;
 * rounds alternate which goes first.
 *
 *   npm run build && node dist/bench/kafka-client/kafka-client.bench.js [--messages 50000]
 *     [--bytes 500] [--batch 100] [--in-flight 4] [--singles 1000] [--rounds 2]
 *
 * Needs the local stack's Kafka. Exits non-zero only if it could not run.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { ensureTopics, STACK, uniqueName } from '@blog/testing';
import { deleteKafkaLeftovers } from '../lib/kafka-cleanup';
import { markdownTable, ratio, times } from '../lib/stats';
import { CLIENTS, type ClientName, type RunReport } from './client-under-test';

const run = promisify(execFile);
const say = (text: string) => process.stderr.write(`${text}\n`);
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '50000' },
    bytes: { type: 'string', default: '500' },
    batch: { type: 'string', default: '100' },
    'in-flight': { type: 'string', default: '4' },
    singles: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '2' },
  },
});

async function runClient(client: ClientName): Promise<RunReport> {
  const topic = uniqueName('bench.kafka-client').replace(/_/g, '-');
  const group = uniqueName('bench_kafka_client');
  await ensureTopics([topic]);
  try {
    const { stdout } = await run(
      process.execPath,
      [
        join(__dirname, 'client-run.js'),
        '--client',
        client,
        '--topic',
        topic,
        '--group',
        group,
        '--brokers',
        STACK.kafkaBrokers.join(','),
        '--messages',
        values.messages,
        '--bytes',
        values.bytes,
        '--batch',
        values.batch,
        '--in-flight',
        values['in-flight'],
        '--singles',
        values.singles,
      ],
      { maxBuffer: 1 << 20, timeout: 600_000 },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as RunReport;
  } finally {
    await deleteKafkaLeftovers([topic], [group]);
  }
}

const mean = (reports: readonly RunReport[], pick: (report: RunReport) => number) =>
  reports.reduce((sum, report) => sum + pick(report), 0) / reports.length;

async function main(): Promise<void> {
  const byClient = new Map<ClientName, RunReport[]>(CLIENTS.map((client) => [client, []]));
  const rounds = Number(values.rounds);
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? [...CLIENTS] : [...CLIENTS].reverse();
    for (const client of order) {
      say(`${client}, round ${round + 1}…`);
      byClient.get(client)?.push(await runClient(client));
    }
  }
  const measures: [string, (report: RunReport) => number, 'higher' | 'lower'][] = [
    ['produce msgs/s (batches)', (r) => r.produceMsgsPerSecond, 'higher'],
    ['batch p50 ms', (r) => r.batchLatency.p50, 'lower'],
    ['batch p99 ms', (r) => r.batchLatency.p99, 'lower'],
    ['produce CPU ms per 1k msgs', (r) => r.produceCpuMsPer1k, 'lower'],
    ['single record p50 ms', (r) => r.singleLatency.p50, 'lower'],
    ['single record p99 ms', (r) => r.singleLatency.p99, 'lower'],
    ['consume msgs/s', (r) => r.consumeMsgsPerSecond, 'higher'],
    ['consume: subscribe to first record ms', (r) => r.consumeStartMs, 'lower'],
    ['consume CPU ms per 1k msgs', (r) => r.consumeCpuMsPer1k, 'lower'],
  ];
  const kafkajs = byClient.get('kafkajs') ?? [];
  const platformatic = byClient.get('platformatic') ?? [];
  const rows = measures.map(([name, pick, better]) => {
    const a = mean(kafkajs, pick);
    const b = mean(platformatic, pick);
    const winner =
      better === 'higher'
        ? b > a
          ? 'platformatic'
          : 'kafkajs'
        : b < a
          ? 'platformatic'
          : 'kafkajs';
    return [name, a, b, times(ratio(b, a)), winner];
  });
  process.stdout.write(
    `${values.messages} records of ${values.bytes} B + 3 headers, acks=all, batches of ${values.batch} with ${values['in-flight']} in flight; ` +
      `${values.singles} single-record sends one at a time; then all consumed by a new group from the earliest offset. ` +
      `Means over ${rounds} rounds, each client in its own process. Clients: ${kafkajs[0]?.client ?? 'kafkajs'} (baseline) and ${platformatic[0]?.client ?? '@platformatic/kafka'}.\n\n`,
  );
  process.stdout.write(
    `${markdownTable(['measure', 'kafkajs', 'platformatic', 'platformatic / kafkajs', 'better'], rows)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `kafka-client bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
