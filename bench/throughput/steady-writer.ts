import type { Pool } from 'pg';
import type { OutboxSource } from '../lib/outbox-source';

export interface SteadyLoad {
  readonly rate: number;
  readonly count: number;
  /** Message number of the first message; numbers are unique across a run's phases. */
  readonly firstN: number;
  readonly connections: number;
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
 * One transaction per message on a fixed schedule (message i is due at i / rate s), from
 * `connections` workers that share the schedule. A worker never waits for a slot already
 * due, so a rate the database cannot take shows as a lower achieved rate, not a queue.
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
  const worker = async () => {
    for (let i = next++; i < load.count; i = next++) {
      const wait = started + (i * 1_000) / load.rate - performance.now();
      if (wait > 1) await sleep(wait);
      const n = load.firstN + i;
      try {
        await source.write(pool, n);
        lastCommitAt = performance.now();
        committed += 1;
        onCommitted(n, lastCommitAt);
      } catch {
        failed.push(n);
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
