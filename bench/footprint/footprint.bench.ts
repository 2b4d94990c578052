/**
 * Footprint: each service's resident memory at rest and under a short load (read from
 * /proc of the running stack's processes), Kafka, Connect, Postgres and Jaeger separately,
 * and spawn-to-live / spawn-to-ready of a second instance of each app (first boot on an
 * empty database, then a restart on the migrated one), with where the start-up time goes.
 *
 *   npm run build && node dist/bench/footprint/footprint.bench.js [--load-seconds 10] [--connections 4]
 *       [--image localhost/blog-backend:test]
 *
 * With an image (the container tier of npm test builds that one; any tag of the Dockerfile
 * built here will do), each service also restarts from it under podman, beside the local
 * build, and the image's size is set beside the local build's.
 *
 * Whole-stack cold and warm start need the stack restarted, which this benchmark must not
 * do on a shared machine: it prints how to measure them. Exits non-zero only if it could not run.
 */
import { parseArgs } from 'node:util';
import { SERVICE_NAMES, type ServiceName } from '@blog/chassis';
import { activeHandle, publishedPost } from '../lib/blog-fixture';
import { startExtraGateway } from '../lib/extra-gateway';
import { JsonApi } from '../lib/json-api';
import type { LoadResult } from '../lib/load-run';
import { stackUsesTracing } from '../lib/node-process';
import { imageSizeBytes } from '../lib/container-process';
import { stackPid } from '../lib/proc';
import {
  type BootOutcome,
  bootTable,
  imageTable,
  importCostTable,
  infrastructureTable,
  memoryTable,
  verdictTable,
} from './footprint-report';
import { deleteGroupsWhenEmpty } from './group-offsets';
import { localBuildBytes, memoryOf, peakRss } from './memory';
import { loadAll, loadTargets } from './short-load';
import { spawnToReady } from './spawn-to-ready';
import { importCosts, startupPhases } from './startup-phases';

const say = (text: string) => process.stderr.write(`${text}\n`);
const { values } = parseArgs({
  options: {
    'load-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    image: { type: 'string', default: 'localhost/blog-backend:test' },
  },
});

/** Peak RSS of the services (and a second gateway carrying proxied reads) under load. */
async function underLoad(seconds: number, connections: number) {
  const gateway = await startExtraGateway();
  try {
    say(`fixture through ${gateway.url}: a published post and an active handle…`);
    const api = new JsonApi(gateway.url);
    const [fixture, handle] = await Promise.all([publishedPost(api), activeHandle(api)]);
    const pids = new Map<string, number>([['bench gateway', gateway.instance.pid]]);
    for (const service of SERVICE_NAMES) {
      const pid = await stackPid(service);
      if (pid !== null) pids.set(service, pid);
    }
    say(`short load: ${connections} connections per service for ${seconds} s…`);
    const running = loadAll(loadTargets(fixture, handle, gateway.url), connections, seconds);
    const peaks = await peakRss(pids, running);
    return { peaks, loads: (await running) as ReadonlyMap<string, LoadResult> };
  } finally {
    await gateway.stop();
  }
}

async function bootEach(groups: string[], image: string | null): Promise<BootOutcome[]> {
  const boots: BootOutcome[] = [];
  for (const service of SERVICE_NAMES) {
    // One service that cannot start (the shared stack has its outages) leaves the others' figures.
    const boot: BootOutcome = await spawnToReady(service, groups, image).catch(
      (error: unknown) => ({
        service,
        error: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
      }),
    );
    say(
      `  ${service}: ${'error' in boot ? boot.error : `restart ready in ${boot.restart.readyMs.toFixed(0)} ms`}`,
    );
    boots.push(boot);
  }
  return boots;
}

async function main(): Promise<void> {
  const atRest = await Promise.all(SERVICE_NAMES.map((service) => memoryOf(service)));
  const infra = await Promise.all(
    (['kafka', 'connect', 'postgres', 'jaeger'] as const).map((piece) => memoryOf(piece)),
  );
  const { peaks, loads } = await underLoad(
    Number(values['load-seconds']),
    Number(values.connections),
  );
  const imageBytes = await imageSizeBytes(values.image);
  const image = imageBytes === null ? null : values.image;
  if (!image) say(`no image ${values.image} here (podman): only the local build is measured`);
  say('spawn-to-ready, one service at a time…');
  const groups: string[] = [];
  const boots = await bootEach(groups, image);
  const tracing = await stackUsesTracing('post');
  const phases = await startupPhases();
  const costs = new Map<ServiceName, ReadonlyMap<string, number>>();
  for (const service of SERVICE_NAMES) costs.set(service, await importCosts(service, tracing));
  const left = await deleteGroupsWhenEmpty(groups);
  if (left.length > 0)
    say(`consumer groups not deleted (members still registered): ${left.join(', ')}`);
  process.stdout.write(
    [
      memoryTable(atRest, peaks, loads),
      infrastructureTable(infra),
      bootTable(boots),
      ...(image && imageBytes !== null
        ? [imageTable(image, imageBytes, await localBuildBytes(), boots)]
        : []),
      verdictTable(atRest, boots, phases),
      importCostTable(costs),
      `Tracing preload ${tracing ? 'on' : 'off'} for the spawned instances and the import timings, as the stack runs its services. ` +
        '"At rest": no load from this benchmark; other clients of the shared stack may be busy. MB = 10^6 bytes. ' +
        'Instances start from their bundles as the stack starts its services (`node dist/bundle/boot.js`, from the V8 code cache ' +
        'once one was written); "restart unbundled" is the same restart from dist/apps/<service>/src/main.js, the baseline. ' +
        'Live and ready are from spawn() to the first 200, polled every 20 ms. The restart columns split its start by the ' +
        "service's own log lines: its first line comes once NestFactory.create is done (modules loaded, providers built, " +
        'database connected, migrations checked: Nest buffers its logs until then), then init hooks (Kafka producer, ' +
        'consumer groups joined), listen, and the first 200 from /health/ready. "Imports alone" is node, the preload and ' +
        'the unbundled module graph in a separate process just before; the last table splits it by package (bench/footprint/require-timer.ts).',
    ].join('\n\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `footprint bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
