/**
 * What the tracing preload costs one request: the same trivial Fastify route served
 * untraced, with the preload keeping every trace (exporting to the local Jaeger), and with
 * the sampling policy the stack runs (a GET is a read: one trace in ten kept). Each variant
 * in its own process, CPU per request of that process, ABBA over the rounds.
 *
 *   npm run build && node dist/bench/tracing/tracing-cost.bench.js [--seconds 8] [--rounds 2]
 *     [--connections 10]
 *
 * Exits non-zero only if it could not run.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_READ_SAMPLE_RATIO } from '@blog/observability/tracing/sampler-from-env';
import { pidCpu } from '../lib/cpu-meter';
import { type LoadResult, runLoad, warmUp } from '../lib/load-run';
import { freePort, type NodeProcess, startNode, waitForOk } from '../lib/node-process';
import { markdownTable, ratio, times } from '../lib/stats';

const say = (text: string) => process.stderr.write(`${text}\n`);
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
  },
});
const seconds = Number(values.seconds);
const roundCount = Number(values.rounds);
const connections = Number(values.connections);

interface Variant {
  readonly name: string;
  readonly tracing: boolean;
  readonly env: Readonly<Record<string, string>>;
}

const VARIANTS: readonly Variant[] = [
  { name: 'untraced', tracing: false, env: {} },
  // Both set the ratio, so a TRACE_READ_SAMPLE_RATIO in the bench's environment changes neither.
  {
    name: 'tracing preload, every trace kept',
    tracing: true,
    env: { TRACE_READ_SAMPLE_RATIO: '1' },
  },
  {
    name: `tracing preload, sampling policy (reads ${DEFAULT_READ_SAMPLE_RATIO})`,
    tracing: true,
    env: { TRACE_READ_SAMPLE_RATIO: String(DEFAULT_READ_SAMPLE_RATIO) },
  },
];

async function start(variant: Variant): Promise<{ url: string; instance: NodeProcess }> {
  const port = await freePort();
  const instance = startNode({
    script: 'dist/bench/tracing/static-server.js',
    label: 'bench-static',
    tracing: variant.tracing,
    env: {
      PORT: String(port),
      SERVICE_NAME: 'bench-static',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      ...variant.env,
    },
  });
  const url = `http://127.0.0.1:${port}/static`;
  await waitForOk(url, instance);
  return { url, instance };
}

async function main(): Promise<void> {
  const servers: { url: string; instance: NodeProcess }[] = [];
  try {
    for (const variant of VARIANTS) servers.push(await start(variant));
    const results: LoadResult[][] = VARIANTS.map(() => []);
    for (let round = 0; round < roundCount; round += 1) {
      const order = VARIANTS.map((_, i) => i);
      for (const i of round % 2 === 0 ? order : order.reverse()) {
        const server = servers[i];
        if (!server) continue;
        say(`${VARIANTS[i]?.name ?? ''}, round ${round + 1}…`);
        const target = { url: server.url };
        await warmUp(target, connections, 2);
        const cpuSources = [pidCpu('server', server.instance.pid)];
        results[i]?.push(await runLoad(target, { connections, seconds, cpuSources }));
      }
    }
    const rows = VARIANTS.map((variant, i) => {
      const runs = results[i] ?? [];
      const requests = runs.reduce((sum, r) => sum + r.requests, 0);
      const cpuSeconds = runs.reduce((sum, r) => sum + (r.cpu?.shares[0]?.seconds ?? 0), 0);
      return {
        name: variant.name,
        rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
        p99: runs.reduce((sum, r) => sum + r.p99, 0) / runs.length,
        cpuUs: (cpuSeconds * 1e6) / requests,
      };
    });
    const untraced = rows[0];
    process.stdout.write(
      `GET /static on bare Fastify, ${connections} connections, ${seconds} s per run after 2 s of warm-up, ${roundCount} rounds (ABBA); means over rounds.\n\n`,
    );
    process.stdout.write(
      `${markdownTable(
        ['variant', 'req/s', 'p99 ms', 'server CPU µs/req', 'CPU / untraced', 'tracing µs/req'],
        rows.map((row) => [
          row.name,
          row.rps,
          row.p99,
          row.cpuUs,
          times(ratio(row.cpuUs, untraced?.cpuUs ?? Number.NaN)),
          row.cpuUs - (untraced?.cpuUs ?? Number.NaN),
        ]),
      )}\n`,
    );
  } finally {
    for (const server of servers) await server.instance.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `tracing cost bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
