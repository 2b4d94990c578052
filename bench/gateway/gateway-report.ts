import type { LoadResult } from '../lib/load-run';
import type { PacedResult } from '../lib/paced-load';
import { formatNumber, markdownTable, ratio, times, verdict } from '../lib/stats';
import type { Comparison } from './contenders';

export interface Measured {
  readonly comparison: Comparison;
  /** Per contender (same order), one result per round. */
  readonly rounds: readonly (readonly LoadResult[])[];
}

interface Aggregate {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  /** CPU milliseconds per request, by process. */
  readonly cpuMsPerRequest: ReadonlyMap<string, number>;
  readonly machineCores: number;
}

const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

function aggregate(results: readonly LoadResult[]): Aggregate {
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const cpu = new Map<string, number>();
  for (const result of results) {
    for (const share of result.cpu?.shares ?? []) {
      cpu.set(share.name, (cpu.get(share.name) ?? 0) + share.seconds);
    }
  }
  return {
    rps: mean(results.map((r) => r.rps)),
    p50: mean(results.map((r) => r.p50)),
    p99: mean(results.map((r) => r.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    cpuMsPerRequest: new Map(
      [...cpu].map(([name, seconds]) => [name, (seconds * 1000) / requests]),
    ),
    machineCores: mean(results.map((r) => r.cpu?.machineCores ?? Number.NaN)),
  };
}

const CPU_COLUMNS = ['bench gateway', 'service', 'postgres', 'load generator'] as const;

export function resultsTable(measured: readonly Measured[]): string {
  const rows = measured.flatMap(({ comparison, rounds }) =>
    comparison.contenders.map((contender, i) => {
      const a = aggregate(rounds[i] ?? []);
      return [
        contender.name,
        a.rps,
        a.p50,
        a.p99,
        a.non2xx,
        a.errors,
        ...CPU_COLUMNS.map((name) => a.cpuMsPerRequest.get(name) ?? Number.NaN),
        a.machineCores,
      ];
    }),
  );
  return markdownTable(
    [
      'target',
      'req/s',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'errors',
      ...CPU_COLUMNS.map((c) => `${c} CPU ms/req`),
      'machine cores',
    ],
    rows,
  );
}

/** The second contender is the one the target is about; later ones explain the difference. */
export function verdictTable(measured: readonly Measured[]): string {
  const rows: (string | number)[][] = [];
  for (const { comparison, rounds } of measured) {
    const [baseline, ...others] = comparison.contenders.map((_, i) => aggregate(rounds[i] ?? []));
    if (!baseline) continue;
    others.forEach((other, j) => {
      const name = comparison.contenders[j + 1]?.name ?? '';
      const judged = j === 0;
      const share = ratio(other.rps, baseline.rps);
      const extra = other.p99 - baseline.p99;
      const of = comparison.contenders[0].name;
      if (comparison.kind === 'gateway') {
        rows.push([
          `${name} / ${of}: req/s`,
          times(share),
          judged ? '≥ 0.60x' : '—',
          judged ? verdict(share >= 0.6) : '—',
        ]);
        rows.push([
          `${name} − ${of}: p99`,
          `${extra.toFixed(1)} ms`,
          judged ? '≤ 5 ms' : '—',
          judged ? verdict(extra <= 5) : '—',
        ]);
      } else {
        rows.push([
          `${name} / ${of}: req/s`,
          times(share),
          judged ? '≥ 0.75x' : '—',
          judged ? verdict(share >= 0.75) : '—',
        ]);
      }
    });
  }
  return markdownTable(['measure', 'value', 'target', 'verdict'], rows);
}

/**
 * The pairs each comparison names in `ratios`, e.g. the sampling policy against every trace
 * kept, or two gateways against one: req/s, p50 and p99 of one over the other, and the
 * gateways' CPU per request (all gateways carrying the load, added up). Ratios of means over
 * the rounds; a p99 ratio below 1 is the faster one.
 */
export function ratioTable(measured: readonly Measured[]): string {
  const rows = measured.flatMap(({ comparison, rounds }) =>
    (comparison.ratios ?? []).map(({ label, of, against }) => {
      const a = aggregate(rounds[of] ?? []);
      const b = aggregate(rounds[against] ?? []);
      const gatewayCpu = (x: Aggregate) => x.cpuMsPerRequest.get('bench gateway') ?? Number.NaN;
      const both = (pick: (x: Aggregate) => number) => [
        `${formatNumber(pick(a))} / ${formatNumber(pick(b))}`,
        times(ratio(pick(a), pick(b))),
      ];
      return [
        comparison.title,
        label,
        ...both((x) => x.rps),
        ...both((x) => x.p50),
        ...both((x) => x.p99),
        times(ratio(gatewayCpu(a), gatewayCpu(b))),
      ];
    }),
  );
  return markdownTable(
    [
      'route',
      'A / B',
      'req/s',
      'req/s ratio',
      'p50 ms',
      'p50 ratio',
      'p99 ms',
      'p99 ratio',
      'gateway CPU/req ratio',
    ],
    rows,
  );
}

export interface PacedMeasured {
  readonly comparison: Comparison;
  /** Direct, then through the gateway; one result per round. */
  readonly rounds: readonly (readonly PacedResult[])[];
  /** Requests per second both were paced at. */
  readonly rate: number;
}

/**
 * The hop's own latency: direct and through the gateway at one evenly paced rate that
 * neither saturates, so the p99 difference is the gateway's work and not a queue on two
 * busy cores. Means over rounds.
 */
export function pacedTable(measured: readonly PacedMeasured[], share: number): string {
  const meanOf = (results: readonly PacedResult[] | undefined, pick: (r: PacedResult) => number) =>
    results?.length ? mean(results.map(pick)) : Number.NaN;
  const rows = measured.map(({ comparison, rounds, rate }) => {
    const [direct, gateway] = [rounds[0], rounds[1]];
    const extra = meanOf(gateway, (r) => r.p99) - meanOf(direct, (r) => r.p99);
    const failed = [...(direct ?? []), ...(gateway ?? [])].reduce(
      (sum, r) => sum + r.non2xx + r.errors,
      0,
    );
    return [
      `${comparison.title} at ${rate} req/s (${Math.round(share * 100)} % of the gateway's flat-out rate)`,
      meanOf(direct, (r) => r.p50),
      meanOf(direct, (r) => r.p99),
      meanOf(gateway, (r) => r.p50),
      meanOf(gateway, (r) => r.p99),
      failed,
      `${extra.toFixed(1)} ms`,
      '≤ 5 ms',
      verdict(extra <= 5),
    ];
  });
  return markdownTable(
    [
      'route, paced',
      'direct p50 ms',
      'direct p99 ms',
      'gateway p50 ms',
      'gateway p99 ms',
      'non-2xx or errors',
      'gateway − direct p99',
      'target',
      'verdict',
    ],
    rows,
  );
}
