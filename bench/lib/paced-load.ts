import { type LoadTarget } from './load-run';
import { onSchedule } from './open-loop';
import { summarise, type Summary } from './stats';

export interface PacedResult extends Summary {
  readonly non2xx: number;
  readonly errors: number;
}

/**
 * One request every 1000 / rate ms for `seconds`, each sent on time whether or not the
 * earlier ones have answered (open loop), latency from its scheduled start. autocannon's
 * `overallRate` sends each second's quota as fast as it can at the top of the second, so
 * its "fixed rate" is a burst at full speed and its p99 a queue again.
 */
export async function runPaced(
  target: LoadTarget,
  rate: number,
  seconds: number,
): Promise<PacedResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const send = async (scheduled: number) => {
    try {
      const response = await fetch(target.url, {
        method: target.method ?? 'GET',
        headers: { ...target.headers },
        ...(target.body === undefined ? {} : { body: target.body }),
      });
      await response.arrayBuffer();
      if (response.status < 200 || response.status >= 300) non2xx += 1;
      latencies.push(performance.now() - scheduled);
    } catch {
      errors += 1;
    }
  };
  await onSchedule(Math.round(rate * seconds), rate, (_, dueAt) => send(dueAt));
  return { ...summarise(latencies), non2xx, errors };
}
