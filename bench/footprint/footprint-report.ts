import type { ServiceName } from '@blog/chassis';
import type { LoadResult } from '../lib/load-run';
import { markdownTable, percentile, ratio, times, verdict } from '../lib/stats';
import type { Memory } from './memory';
import type { SpawnTimes } from './spawn-to-ready';
import type { StartupPhases } from './startup-phases';

const MB = 1_000_000;
const mb = (bytes: number | undefined) =>
  bytes === undefined || Number.isNaN(bytes) ? Number.NaN : bytes / MB;

export type BootOutcome = SpawnTimes | { readonly service: ServiceName; readonly error: string };

export function memoryTable(
  atRest: readonly Memory[],
  peaks: ReadonlyMap<string, number>,
  loads: ReadonlyMap<string, LoadResult>,
): string {
  const row = (name: string, label: string, rest: Memory | null) => {
    const load = loads.get(name);
    return [
      label,
      rest ? mb(rest.rss) : 'n/a',
      rest ? mb(rest.pss) : 'n/a',
      mb(peaks.get(name)),
      load ? Math.round(load.rps) : 'n/a',
      load?.non2xx ?? 'n/a',
      load?.errors ?? 'n/a',
    ];
  };
  return markdownTable(
    [
      'service',
      'RSS at rest MB',
      'PSS at rest MB',
      'peak RSS under load MB',
      'load req/s',
      'non-2xx',
      'connection errors',
    ],
    [
      ...atRest.map((m) => row(m.piece, m.piece, m)),
      row('bench gateway', 'second gateway (same build), GET /api/posts/:id', null),
    ],
  );
}

export function infrastructureTable(infra: readonly Memory[]): string {
  return markdownTable(
    ['infrastructure', 'processes', 'RSS MB', 'PSS MB'],
    infra.map((m) => [m.piece, m.processes, mb(m.rss), mb(m.pss)]),
  );
}

export function bootTable(boots: readonly BootOutcome[]): string {
  return markdownTable(
    [
      'service',
      'first boot: live ms',
      'first boot: ready ms',
      'restart: live ms',
      'restart: ready ms',
      'restart unbundled: ready ms',
      'imports alone ms',
      'restart: to NestFactory.create done',
      '+ init hooks',
      '+ listen',
      '+ first ready',
    ],
    boots.map((boot) => {
      if ('error' in boot)
        return [boot.service, `failed: ${boot.error}`, '', '', '', '', '', '', '', '', ''];
      const { createdMs, initialisedMs, listeningMs } = boot.restart.milestones;
      return [
        boot.service,
        boot.firstBoot.liveMs,
        boot.firstBoot.readyMs,
        boot.restart.liveMs,
        boot.restart.readyMs,
        boot.restartUnbundled.readyMs,
        boot.importsMs,
        createdMs,
        initialisedMs - createdMs,
        listeningMs - initialisedMs,
        boot.restart.readyMs - listeningMs,
      ];
    }),
  );
}

export function verdictTable(
  atRest: readonly Memory[],
  boots: readonly BootOutcome[],
  phases: StartupPhases,
): string {
  const totalRss = atRest.reduce((sum, m) => sum + m.rss, 0);
  const totalPss = atRest.reduce((sum, m) => sum + m.pss, 0);
  const started = boots.filter((boot): boot is SpawnTimes => !('error' in boot));
  const slowest = started.reduce(
    (top, boot) =>
      boot.restart.readyMs > top.ms ? { ms: boot.restart.readyMs, service: boot.service } : top,
    { ms: -Infinity, service: 'none' as string },
  );
  const within = started.filter((boot) => boot.restart.readyMs <= 1_500).length;
  return markdownTable(
    ['measure', 'value', 'target', 'verdict'],
    [
      [
        'seven services, RSS at rest together',
        `${(totalRss / MB).toFixed(0)} MB (PSS ${(totalPss / MB).toFixed(0)} MB)`,
        '≤ 600 MB',
        verdict(totalRss <= 600 * MB),
      ],
      [
        'spawn-to-ready on restart, each service',
        `${within} of ${boots.length} within; slowest ${slowest.service} ${slowest.ms.toFixed(0)} ms`,
        '≤ 1,500 ms each',
        verdict(within === boots.length),
      ],
      [
        'restart ready, bundled / unbundled (median over services)',
        times(
          percentile(
            started.map((boot) => ratio(boot.restart.readyMs, boot.restartUnbundled.readyMs)),
            50,
          ),
        ),
        '—',
        '—',
      ],
      [
        'node start / with the tracing preload',
        `${phases.nodeMs.toFixed(0)} ms / ${phases.nodeWithTracingMs.toFixed(0)} ms`,
        '—',
        '—',
      ],
      [
        'whole stack cold start (fresh machine: no ~/.m2, ~/go or .stack): `time bash scripts/stack.sh up`',
        'not run here: it restarts the stack; measured by hand, see bench/RESULTS.md',
        '—',
        '—',
      ],
      [
        'whole stack warm start: `bash scripts/stack.sh down && time bash scripts/stack.sh up` (page cache warm)',
        'not run here (as above)',
        '—',
        '—',
      ],
    ],
  );
}

/**
 * The packages that cost the most to import, per service (ms, with what each pulls in that
 * was not loaded yet): where "imports alone" goes.
 */
export function importCostTable(
  costs: ReadonlyMap<ServiceName, ReadonlyMap<string, number>>,
  top = 12,
): string {
  const services = [...costs.keys()];
  const heaviest = new Map<string, number>();
  for (const perPackage of costs.values()) {
    for (const [name, ms] of perPackage) heaviest.set(name, Math.max(ms, heaviest.get(name) ?? 0));
  }
  const names = [...heaviest.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name]) => name);
  const cell = (service: ServiceName, name: string) => costs.get(service)?.get(name) ?? '—';
  const total = (service: ServiceName) =>
    [...(costs.get(service)?.values() ?? [])].reduce((sum, ms) => sum + ms, 0);
  return markdownTable(
    ['package (first import, with what it pulls in) ms', ...services],
    [
      ...names.map((name) => [name, ...services.map((service) => cell(service, name))]),
      ['all packages', ...services.map(total)],
    ],
  );
}

/** The image beside the local build: its size, and each service's restart from each. */
export function imageTable(
  image: string,
  imageBytes: number,
  localBytes: number,
  boots: readonly BootOutcome[],
): string {
  const sizes = markdownTable(
    ['what', 'MB', 'image / local'],
    [
      [
        `image ${image} (OS, Node, production dependencies, build)`,
        mb(imageBytes),
        times(ratio(imageBytes, localBytes)),
      ],
      ['local build (dist/ and node_modules/, dev dependencies included)', mb(localBytes), ''],
    ],
  );
  const starts = markdownTable(
    [
      'service',
      'restart, local bundle: ready ms',
      'restart from the image: ready ms',
      'image / local',
    ],
    boots.flatMap((boot) =>
      'error' in boot || boot.restartFromImage === null
        ? []
        : [
            [
              boot.service,
              boot.restart.readyMs,
              boot.restartFromImage.readyMs,
              times(ratio(boot.restartFromImage.readyMs, boot.restart.readyMs)),
            ],
          ],
    ),
  );
  return `${sizes}\n\n${starts}`;
}
