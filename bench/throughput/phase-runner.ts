import type { EffectSink } from '../lib/effect-sink';
import { type PhaseContext, type PhasePlan, PhaseTrack, runPhase, SUSTAINED_PHASE } from './phase';
import { type HoldCriteria, type JudgedPhase, judge } from './throughput-report';

export interface Phase {
  readonly track: PhaseTrack;
  readonly judged: JudgedPhase;
}

/**
 * Runs phases one after another on one pipeline, numbering their messages so every
 * message of the run is unique, and routes each effect the sink reports to its phase.
 */
export class PhaseRunner {
  private readonly tracks: PhaseTrack[] = [];
  private nextN = 1;

  constructor(
    private readonly context: PhaseContext & { readonly sink: EffectSink },
    private readonly criteria: HoldCriteria,
    private readonly say: (text: string) => void,
  ) {}

  /** For EffectSink.start: which phase a message belongs to. */
  static router(runner: () => PhaseRunner | null) {
    return (n: number, at: number) => runner()?.applied(n, at);
  }

  applied(n: number, at: number): void {
    this.tracks.find((track) => track.owns(n))?.markApplied(n, at);
  }

  async run(plan: Omit<PhasePlan, 'firstN'>): Promise<Phase> {
    const track = new PhaseTrack({ ...plan, firstN: this.nextN });
    this.nextN += track.count;
    this.tracks.push(track);
    this.say(`${plan.name}: ${plan.rate} ev/s for ${plan.seconds} s…`);
    const result = await runPhase(this.context, track);
    const judged = judge(result, await this.audit(track), this.criteria);
    this.say(`  ${judged.why}`);
    return { track, judged };
  }

  /** Counts again at the end: a message late for its phase's drain is late, not lost. */
  async recount(phases: readonly Phase[]): Promise<JudgedPhase[]> {
    return Promise.all(
      phases.map(async ({ track, judged }) =>
        judge(judged.result, await this.audit(track), this.criteria),
      ),
    );
  }

  private audit(track: PhaseTrack) {
    return this.context.sink.audit(track.plan.firstN, track.plan.firstN + track.count);
  }
}

/**
 * Steady rates upwards until one is not held, then the highest held rate for the sustained
 * duration (and the next one down if that falls behind): a 10-minute run at a rate the
 * ramp already showed to fail would say nothing new.
 */
export async function rampThenSustain(
  runner: PhaseRunner,
  rates: readonly number[],
  stepSeconds: number,
  sustainSeconds: number,
): Promise<Phase[]> {
  // JIT, pools, the connector's first batches: run, not reported.
  await runner.run({ name: 'warm-up', rate: 200, seconds: 3 });
  const phases: Phase[] = [];
  for (const rate of rates) {
    const step = await runner.run({ name: 'ramp', rate, seconds: stepSeconds });
    phases.push(step);
    if (!step.judged.held) break;
  }
  // A short step can pass at a rate just past capacity that then falls behind over the
  // sustained run, so the next held rate down gets one try before the run gives up.
  const held = phases.filter((step) => step.judged.held).map((step) => step.judged.result.rate);
  for (const rate of held.reverse().slice(0, 2)) {
    const sustained = await runner.run({ name: SUSTAINED_PHASE, rate, seconds: sustainSeconds });
    phases.push(sustained);
    if (sustained.judged.held) break;
  }
  return phases;
}
