import type { Audit } from '../lib/effect-sink';
import { formatBytes, markdownTable, verdict } from '../lib/stats';
import { type PhaseResult, SUSTAINED_PHASE } from './phase';

export interface JudgedPhase {
  readonly result: PhaseResult;
  readonly audit: Audit;
  readonly lost: number;
  readonly held: boolean;
  readonly why: string;
}

export interface HoldCriteria {
  /** The writer must reach this share of the target rate. */
  readonly minAchievedShare: number;
  /** The pipeline must be done this long after the last commit (it kept up). */
  readonly maxDrainMs: number;
}

/** A rate is held when nothing is lost or doubled, the writer kept the rate, and the pipeline kept up. */
export function judge(result: PhaseResult, audit: Audit, criteria: HoldCriteria): JudgedPhase {
  const lost = result.committed - audit.applied;
  const reasons = [
    lost > 0 ? `${lost} lost (e.g. n=${audit.missingExamples.join(',')})` : '',
    audit.doubles > 0 ? `${audit.doubles} doubled` : '',
    result.failed > 0 ? `${result.failed} writes failed` : '',
    result.achievedRate < result.rate * criteria.minAchievedShare
      ? `writer reached ${Math.round(result.achievedRate)}/s`
      : '',
    !(result.drainMs <= criteria.maxDrainMs)
      ? `pipeline ${Number.isNaN(result.drainMs) ? 'did not drain' : `${Math.round(result.drainMs)} ms behind`}`
      : '',
  ].filter(Boolean);
  return { result, audit, lost, held: reasons.length === 0, why: reasons.join('; ') || 'held' };
}

const cores = (phase: JudgedPhase, name: string) =>
  phase.result.cpu.shares.find((share) => share.name === name)?.cores ?? Number.NaN;

export function phaseTable(phases: readonly JudgedPhase[]): string {
  return markdownTable(
    [
      'phase',
      'target ev/s',
      'written ev/s',
      'sent',
      'applied',
      'lost',
      'doubles',
      'redelivered',
      'p50 ms',
      'p99 ms',
      'max ms',
      'drain ms',
      'max slot lag',
      'machine cores',
      'connect',
      'kafka',
      'postgres',
      'bench',
      'verdict',
    ],
    phases.map((phase) => [
      `${phase.result.name} ${phase.result.seconds}s`,
      phase.result.rate,
      Math.round(phase.result.achievedRate),
      phase.result.committed,
      phase.audit.applied,
      phase.lost,
      phase.audit.doubles,
      phase.result.redelivered,
      phase.result.latency.p50,
      phase.result.latency.p99,
      phase.result.latency.max,
      Math.round(phase.result.drainMs),
      formatBytes(phase.result.maxSlotLagBytes),
      phase.result.cpu.machineCores,
      cores(phase, 'connect'),
      cores(phase, 'kafka'),
      cores(phase, 'postgres'),
      cores(phase, 'bench process'),
      phase.why,
    ]),
  );
}

function highestHeld(phases: readonly JudgedPhase[]): JudgedPhase | null {
  return phases
    .filter((phase) => phase.held)
    .reduce<JudgedPhase | null>(
      (top, phase) => (top === null || phase.result.rate > top.result.rate ? phase : top),
      null,
    );
}

export function verdictTable(
  phases: readonly JudgedPhase[],
  rawRate: number,
  target: number,
): string {
  // Only a sustained phase counts: the target is a rate held for the whole run.
  const best = highestHeld(phases.filter((phase) => phase.result.name === SUSTAINED_PHASE));
  const bestRamp = highestHeld(phases.filter((phase) => phase.result.name === 'ramp'));
  const bestRate = best?.result.rate ?? 0;
  const losses = phases.reduce((sum, phase) => sum + Math.max(0, phase.lost), 0);
  const doubles = phases.reduce((sum, phase) => sum + phase.audit.doubles, 0);
  return markdownTable(
    ['measure', 'value', 'target', 'verdict'],
    [
      [
        'highest rate held, zero loss and zero doubles',
        best ? `${bestRate} ev/s for ${best.result.seconds} s` : 'none',
        `≥ ${target} ev/s`,
        verdict(bestRate >= target),
      ],
      [
        'highest ramp step held',
        bestRamp ? `${bestRamp.result.rate} ev/s for ${bestRamp.result.seconds} s` : 'none',
        '—',
        '—',
      ],
      ['raw single-row insert rate (baseline)', `${Math.round(rawRate)} rows/s`, '—', '—'],
      ['held rate / raw insert rate', `${((bestRate / rawRate) * 100).toFixed(0)} %`, '—', '—'],
      [
        'lost / doubled over the whole run',
        `${losses} / ${doubles}`,
        '0 / 0',
        verdict(losses + doubles === 0),
      ],
    ],
  );
}
