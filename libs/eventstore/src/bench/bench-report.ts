/** Timing and a plain-text table for the benchmark; nothing here touches the database. */
export interface Row {
  readonly measure: string;
  readonly value: string;
  readonly note: string;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const perSecond = (count: number, ms: number) => (count * 1000) / ms;

export const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function renderTable(rows: readonly Row[]): string {
  const header: Row = { measure: 'measure', value: 'value', note: 'note' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const [measure, value, note] = [width('measure'), width('value'), width('note')];
  const line = (row: Row) =>
    `| ${row.measure.padEnd(measure)} | ${row.value.padStart(value)} | ${row.note.padEnd(note)} |`;
  const rule = `|${'-'.repeat(measure + 2)}|${'-'.repeat(value + 2)}|${'-'.repeat(note + 2)}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
