/**
 * Starts the i-th of `count` at i / rate seconds, however slow the answers are (an open
 * loop: a slow one does not delay the next one's start, so a queue shows as latency), and
 * waits for all of them. `start` gets the moment it was due, to time from.
 */
export async function onSchedule(
  count: number,
  rate: number,
  start: (i: number, dueAt: number) => Promise<unknown>,
): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const dueAt = started + (i * 1_000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
    inFlight.push(start(i, dueAt));
  }
  await Promise.all(inFlight);
}
