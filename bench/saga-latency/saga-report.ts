import { markdownTable, ratio, summarise, type Summary, times, verdict } from '../lib/stats';
import type { TerminalPoller } from './terminal-poller';

export interface SagaFigures {
  readonly name: string;
  readonly started: number;
  readonly poller: TerminalPoller;
}

const countBy = (labels: readonly string[]) =>
  Object.entries(
    labels.reduce<Record<string, number>>((all, label) => {
      all[label] = (all[label] ?? 0) + 1;
      return all;
    }, {}),
  )
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');

export function describeRefusals(refused: readonly string[]): string {
  return refused.length ? countBy(refused) : 'none';
}

/** Latency per saga kind and for the single step, then each saga's p99 against its budget. */
export function sagaTables(
  sagas: readonly SagaFigures[],
  step: Summary & { sent: number },
): string {
  const budget = 3 * step.p99 + 20;
  const summaries = sagas.map((saga) => ({
    ...saga,
    summary: summarise(saga.poller.settled.map((settled) => settled.latencyMs)),
  }));
  const latency = markdownTable(
    ['measure', 'started', 'terminal', 'outcomes', 'p50 ms', 'p99 ms', 'max ms'],
    [
      ...summaries.map(({ name, started, poller, summary }) => [
        name,
        started,
        summary.count,
        countBy(poller.settled.map((settled) => settled.status)) || '—',
        summary.p50,
        summary.p99,
        summary.max,
      ]),
      [
        'one step: outbox commit → consumer commit',
        step.sent,
        step.count,
        '—',
        step.p50,
        step.p99,
        step.max,
      ],
    ],
  );
  // A p99 over the sagas that ended says nothing about the ones refused or still open.
  const budgets = markdownTable(
    [
      'saga',
      'ended / started',
      'saga p99 ms',
      '3 × step p99 + 20 ms',
      'ratio (target ≤ 1)',
      'verdict',
    ],
    summaries.map(({ name, started, summary }) => {
      const share = ratio(summary.p99, budget);
      const allEnded = summary.count === started;
      return [
        name,
        `${summary.count} / ${started}`,
        summary.p99,
        budget,
        times(share),
        allEnded
          ? verdict(share <= 1)
          : `${verdict(false)}: ${started - summary.count} did not end`,
      ];
    }),
  );
  return `${latency}\n\n${budgets}`;
}
