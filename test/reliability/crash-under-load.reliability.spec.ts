import { SERVICE_PORTS } from '@blog/chassis';
import { STACK } from '@blog/testing';
import { killNine, type Piece, restart } from './support/faults';
import { awaitTerminal, reconcileSettled } from './support/reconcile';
import { SagaLoad } from './support/saga-load';

// The promise under the worst kind of failure: a process killed with SIGKILL in the middle
// of a steady load of sign-up and publication sagas, then simply started again. Commands
// keep being accepted (the outbox does not need Kafka), every saga ends, and the services
// agree with each other about every one of them, with no effect applied twice.

const LOAD = { seconds: 12, perSecond: 2 };
const KILL_AT_MS = 3_000;
const DOWN_FOR_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Readiness {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** What a load balancer sees of the post service (a producer and a consumer of sagas). */
async function postReadiness(): Promise<Readiness> {
  const response = await fetch(`${STACK.serviceUrl(SERVICE_PORTS.post)}/health/ready`, {
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function readinessUntil(
  wanted: (readiness: Readiness) => boolean,
  timeoutMs: number,
): Promise<Readiness> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await postReadiness();
    if (wanted(seen) || Date.now() > deadline) return seen;
    await sleep(100);
  }
}

describe.each<[Piece, string]>([
  ['connect', 'Kafka Connect (Debezium)'],
  ['kafka', 'the Kafka broker'],
  ['user', 'a consumer service (user)'],
])('SIGKILL of %s under load', (piece, what) => {
  let load: SagaLoad;
  beforeAll(async () => {
    load = await SagaLoad.prepare();
  });

  it(`every saga ends and all services agree after ${what} is killed and restarted`, async () => {
    let whileDown: Readiness | undefined;
    let afterRestart: Readiness | undefined;
    const result = await load.run({
      ...LOAD,
      during: async () => {
        await sleep(KILL_AT_MS);
        await killNine(piece);
        const killedAt = Date.now();
        if (piece === 'kafka') {
          whileDown = await readinessUntil((r) => r.status === 503, DOWN_FOR_MS - 500);
        }
        await sleep(Math.max(0, DOWN_FOR_MS - (Date.now() - killedAt)));
        await restart(piece);
        if (piece === 'kafka') {
          afterRestart = await readinessUntil((r) => r.status === 200, 60_000);
        }
      },
    });
    if (piece === 'kafka') {
      // Readiness names the broker while it is gone and recovers by itself once it is back.
      expect(whileDown).toMatchObject({
        status: 503,
        body: { status: 'error', error: { kafka: { status: 'down' } } },
      });
      expect(whileDown?.body['error']).not.toHaveProperty('database');
      expect(afterRestart).toMatchObject({ status: 200 });
    }
    expect(result.refused).toEqual([]);
    await awaitTerminal(result, 120_000);
    const report = await reconcileSettled(result, load.subscriberId, 120_000);
    process.stdout.write(`${piece} killed: ${JSON.stringify(report)}\n`);
    expect(report.problems).toEqual([]);
    const total = LOAD.seconds * LOAD.perSecond;
    expect(Object.values(report.signUps).reduce((a, b) => a + b, 0)).toBe(total);
    expect(Object.values(report.publications).reduce((a, b) => a + b, 0)).toBe(total);
  }, 300_000);
});
