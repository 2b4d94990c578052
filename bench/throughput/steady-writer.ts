import type { Pool } from 'pg';
import type { OutboxSource } from '../lib/outbox-source';

export interface SteadyLoad {
  readonly rate: number;
  readonly count: number;
  /** Message number of the first message; numbers are unique across a run's phases. */
  readonly firstN: number;
  readonly connections: number;
  /** Events committed together, as one command that decides several would commit them. */
  readonly perTransaction: number;
}

export interface WriteOutcome {
  readonly committed: number;
  /** Message numbers whose transaction failed: never sent, so not counted as lost. */
  readonly failed: readonly number[];
  /** Commits per second actually reached (the writer falls behind a rate it cannot hold). */
  readonly achievedRate: number;
  readonly lastCommitAt: number;
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * Transactions of `perTransaction` messages on a fixed schedule (message i is due at
 * i / rate s), from `connections` workers that share the schedule. A worker never waits for
 * a slot already due, so a rate the database cannot take shows as a lower achieved rate,
 * not a queue.
 */
export async function writeSteadily(
  source: OutboxSource,
  pool: Pool,
  load: SteadyLoad,
  onCommitted: (n: number, at: number) => void,
): Promise<WriteOutcome> {
  const started = performance.now();
  const failed: number[] = [];
  let next = 0;
  let committed = 0;
  let lastCommitAt = started;
  const take = (): number[] => {
    const first = next;
    next = Math.min(load.count, first + load.perTransaction);
    return Array.from({ length: next - first }, (_, k) => load.firstN + first + k);
  };
  const worker = async () => {
    for (let ns = take(); ns.length > 0; ns = take()) {
      const wait = started + ((ns[0]! - load.firstN) * 1_000) / load.rate - performance.now();
      if (wait > 1) await sleep(wait);
      try {
        await source.write(pool, ns);
        lastCommitAt = performance.now();
        committed += ns.length;
        for (const n of ns) onCommitted(n, lastCommitAt);
      } catch {
        failed.push(...ns);
      }
    }
  };
  await Promise.all(Array.from({ length: load.connections }, worker));
  const seconds = (lastCommitAt - started) / 1_000;
  return {
    committed,
    failed,
    achievedRate: seconds > 0 ? committed / seconds : Number.NaN,
    lastCommitAt,
  };
}
