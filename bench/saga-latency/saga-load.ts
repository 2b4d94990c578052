import type { JsonApi } from '../lib/json-api';
import { startPublish, startSignUp } from './saga-starters';
import type { StepProbe } from './step-probe';
import type { Accepted, TerminalPoller } from './terminal-poller';

export interface SagaLoad {
  readonly api: JsonApi;
  readonly authorToken: string;
  /** One draft per publication to start. */
  readonly drafts: readonly string[];
  readonly rate: number;
  readonly signUps: TerminalPoller;
  readonly publications: TerminalPoller;
  readonly probe: StepProbe;
}

/**
 * The i-th sign-up, publication and probe step start at i / rate seconds, however slow the
 * answers are (an open-loop load: a slow saga does not slow the next one's start). Each
 * 202 goes to its poller; anything else is returned as refused.
 */
export async function runSagaLoad(load: SagaLoad): Promise<string[]> {
  const refused: string[] = [];
  const to = (poller: TerminalPoller) => (outcome: Accepted | string) => {
    if (typeof outcome === 'string') refused.push(outcome);
    else poller.add(outcome);
  };
  const started = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (const [i, draft] of load.drafts.entries()) {
    const wait = started + (i * 1_000) / load.rate - performance.now();
    if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
    inFlight.push(
      startSignUp(load.api).then(to(load.signUps)),
      startPublish(load.api, load.authorToken, draft).then(to(load.publications)),
      load.probe.send(),
    );
  }
  await Promise.all(inFlight);
  return refused;
}

/** Waits until no saga is open any more, or the time is up (the rest count as not terminal). */
export async function settle(pollers: readonly TerminalPoller[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (pollers.some((poller) => poller.pending > 0) && performance.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}
