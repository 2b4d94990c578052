import type { JsonApi } from '../lib/json-api';
import { onSchedule } from '../lib/open-loop';
import { startPublish, startSignUp } from './saga-starters';
import type { StepProbe } from './step-probe';
import type { Accepted, TerminalPoller } from './terminal-poller';

export interface SagaLoad {
  readonly api: JsonApi;
  readonly authorToken: string;
  /** One draft per publication to start. */
  readonly drafts: readonly string[];
  /** Publications and probe steps per second. */
  readonly rate: number;
  readonly signUpCount: number;
  readonly signUpRate: number;
  readonly signUps: TerminalPoller;
  readonly publications: TerminalPoller;
  readonly probe: StepProbe;
}

/**
 * Sign-ups on their schedule, publications and probe steps on theirs. Each 202 goes to its
 * poller; anything else is returned as refused.
 */
export async function runSagaLoad(load: SagaLoad): Promise<string[]> {
  const refused: string[] = [];
  const to = (poller: TerminalPoller) => (outcome: Accepted | string) => {
    if (typeof outcome === 'string') refused.push(outcome);
    else poller.add(outcome);
  };
  await Promise.all([
    onSchedule(load.signUpCount, load.signUpRate, () =>
      startSignUp(load.api).then(to(load.signUps)),
    ),
    onSchedule(load.drafts.length, load.rate, (i) =>
      Promise.all([
        startPublish(load.api, load.authorToken, load.drafts[i] ?? '').then(to(load.publications)),
        load.probe.send(),
      ]),
    ),
  ]);
  return refused;
}

/** Waits until no saga is open any more, or the time is up (the rest count as not terminal). */
export async function settle(pollers: readonly TerminalPoller[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (pollers.some((poller) => poller.pending > 0) && performance.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}
