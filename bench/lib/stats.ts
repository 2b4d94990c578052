/** Percentile by nearest rank over a copy of the values; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return nearestRank(sorted, p);
}

/** Nearest rank in values already sorted ascending (a typed array sorts numerically). */
function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * One sort for every figure. Sustained runs summarise a million samples or more: spreading
 * them into Math.max would overflow the call stack, and sorting twice would double the cost.
 */
export function summarise(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: nearestRank(sorted, 50),
    p99: nearestRank(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

/** a / b, or NaN when there is nothing to divide by (printed as n/a). */
export function ratio(a: number, b: number): number {
  return b === 0 || Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a / b;
}

/** A markdown table: what the benchmark prints and what RESULTS.md records. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = (row: readonly (string | number)[]) =>
    `| ${row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)).join(' | ')} |`;
  return [cells(header), cells(header.map(() => '---')), ...rows.map(cells)].join('\n');
}

/** As a table cell shows a number: whole, or one decimal below 100; n/a for NaN. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** 12.3 MB, 456 KB: slot lag and memory read better in binary units than in raw bytes. */
export function formatBytes(bytes: number): string {
  if (Number.isNaN(bytes)) return 'n/a';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A ratio to two decimals (0.62x): the default one decimal hides the difference between 0.55 and 0.64. */
export function times(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)}x`;
}

/** met / missed against a target, for the verdict lines every benchmark prints. */
export function verdict(met: boolean): string {
  return met ? 'met' : 'missed';
}
