/**
 * Sustained throughput without loss: outbox rows written through the real outbox writer
 * (publishToOutbox, --events-per-transaction per transaction) into a throwaway database → its own Debezium
 * connector (the project's template, the stack's poll interval) → Kafka → the library's
 * KafkaMessageConsumer + MessageProcessor with an inbox in a second throwaway database.
 * Lost (sent, never applied) and doubled (applied twice) messages are counted in the
 * consumer's effect table. Baseline in the same run: raw single-row inserts into the same
 * table over the same connections.
 *
 *   npm run build && node dist/bench/throughput/throughput.bench.js [--seconds 600]
 *     [--rates 500,1000,1500,2000,2500,3000] [--step-seconds 15] [--connections 8]
 *     [--events-per-transaction 1]
 *
 * A ramp of steady rates (each --step-seconds) stops at the first rate not held; the highest
 * held rate is then held for --seconds. Needs the local stack; creates and removes its own
 * databases, connector, slot, topic and consumer group. Exits non-zero only if it could not run.
 */
import { parseArgs } from 'node:util';
import { ensureTopics } from '@blog/testing';
import { type CpuSource, selfCpu, stackCpu } from '../lib/cpu-meter';
import { stackPollIntervalMs } from '../lib/debezium-connector';
import { EffectSink } from '../lib/effect-sink';
import { OutboxSource } from '../lib/outbox-source';
import { PhaseRunner, rampThenSustain } from './phase-runner';
import { rawInsertRate } from './raw-insert-baseline';
import { SlotLagSampler } from './slot-lag-sampler';
import { phaseTable, verdictTable } from './throughput-report';

const TARGET = 1_500;
const say = (text: string) => process.stderr.write(`${text}\n`);

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '600' },
    rates: { type: 'string', default: '500,1000,1500,2000,2500,3000' },
    'step-seconds': { type: 'string', default: '15' },
    connections: { type: 'string', default: '8' },
    'events-per-transaction': { type: 'string', default: '1' },
    'payload-bytes': { type: 'string', default: '256' },
    'baseline-seconds': { type: 'string', default: '10' },
    'max-drain-ms': { type: 'string', default: '2000' },
    'drain-timeout-seconds': { type: 'string', default: '60' },
  },
});
const seconds = Number(values.seconds);
const rates = values.rates.split(',').map(Number);
const stepSeconds = Number(values['step-seconds']);
const connections = Number(values.connections);
const perTransaction = Number(values['events-per-transaction']);
const payloadBytes = Number(values['payload-bytes']);
const criteria = { minAchievedShare: 0.97, maxDrainMs: Number(values['max-drain-ms']) };

async function main(): Promise<void> {
  const source = await OutboxSource.create('bench_tp', payloadBytes);
  let sink: EffectSink | null = null;
  let lag: SlotLagSampler | null = null;
  let runner: PhaseRunner | null = null;
  try {
    const pool = source.pool(connections);
    say(`raw insert baseline, ${connections} connections, ${values['baseline-seconds']} s…`);
    const raw = await rawInsertRate(
      pool,
      connections,
      Number(values['baseline-seconds']),
      source.message(0).payload,
    );
    const pollIntervalMs = await stackPollIntervalMs();
    await ensureTopics([source.topic]);
    await source.attachDebezium(pollIntervalMs === undefined ? {} : { pollIntervalMs });
    sink = await EffectSink.start(
      'bench_tp_sink',
      source.topic,
      PhaseRunner.router(() => runner),
    );
    lag = new SlotLagSampler(source.pool(1), source.slot);
    lag.start();
    const cpuSources: CpuSource[] = [
      selfCpu(),
      ...(await Promise.all((['connect', 'kafka', 'postgres'] as const).map(stackCpu))),
    ];
    runner = new PhaseRunner(
      {
        source,
        pool,
        connections,
        perTransaction,
        sink,
        lag,
        cpuSources,
        drainTimeoutMs: Number(values['drain-timeout-seconds']) * 1_000,
      },
      criteria,
      say,
    );
    const phases = await rampThenSustain(runner, rates, stepSeconds, seconds);
    const final = await runner.recount(phases);
    process.stdout.write(
      `Raw insert baseline: ${Math.round(raw.rate)} rows/s (${connections} connections, 1 row per transaction, ${values['baseline-seconds']} s, no connector attached yet). ` +
        `Writer: ${perTransaction} event(s) per transaction. ` +
        `Connector poll.interval.ms ${pollIntervalMs ?? 'template default'}; payload ${payloadBytes} B of filler; CPU columns are cores used while writing.\n\n`,
    );
    process.stdout.write(`${phaseTable(final)}\n\n${verdictTable(final, raw.rate, TARGET)}\n`);
  } finally {
    lag?.stop();
    await sink?.stop();
    await source.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `throughput bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
