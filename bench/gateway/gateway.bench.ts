/**
 * The gateway's cost and Nest's: autocannon on two read routes (GET /api/posts/:id of a
 * published post, GET /api/feed with a token) and a write route (POST /api/visits), through
 * a gateway and straight to the service; and the post service's GET /posts/:id against a
 * bare Fastify app serving the same query and mapping. Contenders of one comparison run
 * back to back, each after its own warm-up, in ABBA order over the rounds.
 *
 *   npm run build && node dist/bench/gateway/gateway.bench.js [--seconds 10] [--warmup-seconds 3]
 *     [--connections 10] [--rounds 2] [--paced-share 0.3]
 *
 * Runs its own gateways (the stack's allows 600 requests a minute per address, and other
 * engineers' specs share that budget) and its own bare servers, all with the tracing preload
 * when the stack's services have it: one gateway as the stack runs its own (the sampling
 * policy), one keeping every trace, one without the preload, and a second like the first so
 * each route also runs balanced over two instances. Exits non-zero only if it could not run.
 */
import { parseArgs } from 'node:util';
import { localDatabaseUrl } from '@blog/chassis';
import { readSampleRatio } from '@blog/observability/tracing/sampler-from-env';
import { publishedPost } from '../lib/blog-fixture';
import { type CpuSource, pidCpu, selfCpu, stackCpu } from '../lib/cpu-meter';
import { startExtraGateway } from '../lib/extra-gateway';
import { JsonApi } from '../lib/json-api';
import { type LoadResult, runLoad, warmUp } from '../lib/load-run';
import {
  freePort,
  type NodeProcess,
  stackUsesTracing,
  startNode,
  waitForOk,
} from '../lib/node-process';
import { type Server, comparisons } from './contenders';
import {
  pacedTable,
  type Measured,
  type PacedMeasured,
  ratioTable,
  resultsTable,
  verdictTable,
} from './gateway-report';
import { type PacedResult, runPaced } from '../lib/paced-load';

const say = (text: string) => process.stderr.write(`${text}\n`);
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    'paced-share': { type: 'string', default: '0.3' },
  },
});
const seconds = Number(values.seconds);
const warmupSeconds = Number(values['warmup-seconds']);
const connections = Number(values.connections);
const roundCount = Number(values.rounds);
const pacedShare = Number(values['paced-share']);
/** What the policy gateways run with: the bench's environment, as the stack's gateway has. */
const readRatio = readSampleRatio(process.env);
/** Tracing as before the sampling policy: every read's trace kept too (docs/tracing.md). */
const EVERY_TRACE_KEPT = { TRACE_READ_SAMPLE_RATIO: '1' };

async function startBare(
  hooks: boolean,
  tracing: boolean,
): Promise<{ url: string; instance: NodeProcess }> {
  const port = await freePort();
  const instance = startNode({
    script: 'dist/bench/gateway/bare-post-server.js',
    label: hooks ? 'bench-bare-hooks' : 'bench-bare',
    tracing,
    env: {
      PORT: String(port),
      // Its spans in Jaeger: not mistaken for the post service's, nor unnamed.
      SERVICE_NAME: 'bench-bare-post',
      DATABASE_URL: localDatabaseUrl('post'),
      ...(hooks ? { BARE_HOOKS: 'chassis' } : {}),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/health/live`, instance);
  return { url, instance };
}

/** Round r runs the contenders forwards when r is even, backwards when odd (ABBA). */
const orderOf = (count: number, round: number) => {
  const forwards = Array.from({ length: count }, (_, i) => i);
  return round % 2 === 0 ? forwards : forwards.reverse();
};

async function main(): Promise<void> {
  const started: { stop(): Promise<void> }[] = [];
  try {
    const gateway = await startExtraGateway();
    started.push(gateway);
    const untracedGateway = await startExtraGateway(false);
    started.push(untracedGateway);
    // Traced even when the stack's gateway is not: this is the cost the policy is measured against.
    const alwaysOnGateway = await startExtraGateway(true, EVERY_TRACE_KEPT);
    started.push(alwaysOnGateway);
    // A second instance like the first, for the run balanced over both.
    const secondGateway = await startExtraGateway();
    started.push(secondGateway);
    say(`publishing a post through ${gateway.url}…`);
    const fixture = await publishedPost(new JsonApi(gateway.url));
    // The bare app as the post service runs (with its preload, if it has one), and without.
    const postTracing = await stackUsesTracing('post');
    const bare = await startBare(false, postTracing);
    const bareUntraced = await startBare(false, false);
    const bareHooks = await startBare(true, postTracing);
    started.push(bare.instance, bareUntraced.instance, bareHooks.instance);
    const servers: Record<Server, CpuSource> = {
      post: await stackCpu('post'),
      subscribe: await stackCpu('subscribe'),
      visitor: await stackCpu('visitor'),
      bare: pidCpu('bare', bare.instance.pid),
      'bare-untraced': pidCpu('bare-untraced', bareUntraced.instance.pid),
      'bare-hooks': pidCpu('bare-hooks', bareHooks.instance.pid),
    };
    // Only the gateways under load use CPU (one, or both instances), so the sum is theirs.
    const gateways = [gateway, untracedGateway, alwaysOnGateway, secondGateway].map((g) =>
      pidCpu('gw', g.instance.pid),
    );
    const common: CpuSource[] = [
      selfCpu('load generator'),
      {
        name: 'bench gateway',
        read: async () =>
          (await Promise.all(gateways.map((g) => g.read()))).reduce((a, b) => a + b, 0),
      },
      await stackCpu('postgres'),
    ];
    const measured: Measured[] = [];
    const endpoints = {
      gateway: gateway.url,
      untracedGateway: untracedGateway.url,
      alwaysOnGateway: alwaysOnGateway.url,
      secondGateway: secondGateway.url,
      bare: bare.url,
      bareUntraced: bareUntraced.url,
      bareHooks: bareHooks.url,
    };
    const all = comparisons(fixture, endpoints);
    // Processes started just now have cold JITs; the stack's services have served for a while.
    say('warming up the freshly started gateways and bare servers…');
    for (const contender of all.flatMap((comparison) => comparison.contenders)) {
      if (contender.startedHere) await warmUp(contender.target, connections, warmupSeconds);
    }
    for (const comparison of all) {
      const rounds: LoadResult[][] = comparison.contenders.map(() => []);
      for (let round = 0; round < roundCount; round += 1) {
        for (const i of orderOf(comparison.contenders.length, round)) {
          const contender = comparison.contenders[i];
          if (!contender) continue;
          say(`${contender.name}, round ${round + 1}…`);
          await warmUp(contender.target, connections, warmupSeconds);
          const server = servers[contender.server];
          const result = await runLoad(contender.target, {
            connections,
            seconds,
            cpuSources: [...common, { name: 'service', read: () => server.read() }],
          });
          rounds[i]?.push(result);
        }
      }
      measured.push({ comparison, rounds });
    }
    // Direct and the traced gateway again, evenly paced at a share of what this gateway served
    // flat out on the route in this run: a rate fixed in advance saturates a slow run.
    const paced: PacedMeasured[] = [];
    for (const { comparison, rounds: flatOut } of measured) {
      if (comparison.kind !== 'gateway') continue;
      const gatewayRuns = flatOut[1] ?? [];
      const gatewayRps = gatewayRuns.reduce((sum, r) => sum + r.rps, 0) / gatewayRuns.length;
      const rate = Math.max(10, Math.round(pacedShare * (gatewayRps || 0)));
      const pair = comparison.contenders.slice(0, 2);
      const rounds: PacedResult[][] = pair.map(() => []);
      for (let round = 0; round < roundCount; round += 1) {
        for (const i of orderOf(pair.length, round)) {
          const contender = pair[i];
          if (!contender) continue;
          say(`${contender.name} at ${rate} req/s, round ${round + 1}…`);
          // Paced warm-up too: a flat-out one leaves a backlog (visits feed consumers).
          await runPaced(contender.target, rate, warmupSeconds);
          rounds[i]?.push(await runPaced(contender.target, rate, seconds));
        }
      }
      paced.push({ comparison, rounds, rate });
    }
    process.stdout.write(
      `${connections} connections, ${seconds} s per run after ${warmupSeconds} s of warm-up, ${roundCount} rounds (ABBA); figures are means over rounds, CPU per request over all of them.\n\n`,
    );
    process.stdout.write(`${resultsTable(measured)}\n\n${verdictTable(measured)}\n\n`);
    process.stdout.write(
      `Sampling policy: every command and consumer span kept, reads at TRACE_READ_SAMPLE_RATIO=${readRatio}; every trace kept: TRACE_READ_SAMPLE_RATIO=1. Two gateways: the load generator spreads its ${connections} connections over both.\n\n${ratioTable(measured)}\n\n`,
    );
    process.stdout.write(`${pacedTable(paced, pacedShare)}\n`);
  } finally {
    for (const piece of started.reverse()) await piece.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
