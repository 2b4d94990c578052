import type { Pool } from 'pg';
import { CpuMeter, type CpuReading, type CpuSource } from '../lib/cpu-meter';
import type { EffectSink } from '../lib/effect-sink';
import type { OutboxSource } from '../lib/outbox-source';
import { summarise, type Summary } from '../lib/stats';
import type { SlotLagSampler } from './slot-lag-sampler';
import { writeSteadily } from './steady-writer';

/** The phase whose held rate is the result; ramp steps only choose its rate. */
export const SUSTAINED_PHASE = 'sustained';

export interface PhasePlan {
  readonly name: string;
  readonly rate: number;
  readonly seconds: number;
  readonly firstN: number;
}

export interface PhaseResult extends PhasePlan {
  readonly committed: number;
  readonly failed: number;
  readonly achievedRate: number;
  readonly latency: Summary;
  /** From the last commit to the last effect: the backlog the phase ended with. */
  readonly drainMs: number;
  readonly maxSlotLagBytes: number;
  readonly cpu: CpuReading;
  readonly redelivered: number;
}

/** Commit and effect times of one phase's messages, indexed by n - firstN. */
export class PhaseTrack {
  readonly committedAt: Float64Array;
  readonly appliedAt: Float64Array;
  applied = 0;

  constructor(readonly plan: PhasePlan) {
    const count = plan.rate * plan.seconds;
    this.committedAt = new Float64Array(count).fill(Number.NaN);
    this.appliedAt = new Float64Array(count).fill(Number.NaN);
  }

  get count(): number {
    return this.committedAt.length;
  }

  owns(n: number): boolean {
    return n >= this.plan.firstN && n < this.plan.firstN + this.count;
  }

  markApplied(n: number, at: number): void {
    const i = n - this.plan.firstN;
    if (!Number.isNaN(this.appliedAt[i] ?? 0)) return;
    this.appliedAt[i] = at;
    this.applied += 1;
  }
}

export interface PhaseContext {
  readonly source: OutboxSource;
  readonly pool: Pool;
  readonly connections: number;
  readonly perTransaction: number;
  readonly sink: EffectSink;
  readonly lag: SlotLagSampler;
  readonly cpuSources: readonly CpuSource[];
  readonly drainTimeoutMs: number;
}

async function drain(track: PhaseTrack, committed: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (track.applied < committed && performance.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

function latencies(track: PhaseTrack): Float64Array {
  const values: number[] = [];
  for (let i = 0; i < track.count; i += 1) {
    const gap = (track.appliedAt[i] ?? Number.NaN) - (track.committedAt[i] ?? Number.NaN);
    if (!Number.isNaN(gap)) values.push(gap);
  }
  return Float64Array.from(values);
}

/** Writes one phase at its rate, waits for the pipeline to drain, and measures it. */
export async function runPhase(context: PhaseContext, track: PhaseTrack): Promise<PhaseResult> {
  const { plan } = track;
  const redeliveredBefore = context.sink.outcomes.duplicate;
  context.lag.takeMax();
  const meter = await CpuMeter.start(context.cpuSources);
  const written = await writeSteadily(
    context.source,
    context.pool,
    {
      rate: plan.rate,
      count: track.count,
      firstN: plan.firstN,
      connections: context.connections,
      perTransaction: context.perTransaction,
    },
    (n, at) => {
      track.committedAt[n - plan.firstN] = at;
    },
  );
  const cpu = await meter.stop();
  await drain(track, written.committed, context.drainTimeoutMs);
  const lastApplied = track.appliedAt.reduce((max, at) => (at > max ? at : max), -Infinity);
  return {
    ...plan,
    committed: written.committed,
    failed: written.failed.length,
    achievedRate: written.achievedRate,
    latency: summarise(latencies(track)),
    drainMs:
      track.applied < written.committed
        ? Number.NaN
        : Math.max(0, lastApplied - written.lastCommitAt),
    maxSlotLagBytes: context.lag.takeMax().maxBytes,
    cpu,
    redelivered: context.sink.outcomes.duplicate - redeliveredBefore,
  };
}
