import { killNine, type Piece, restart } from './support/faults';
import { awaitConsumersCaughtUp } from './support/consumer-groups';
import { awaitTerminal, reconcile } from './support/reconcile';
import { SagaLoad } from './support/saga-load';

// The promise under the worst kind of failure: a process killed with SIGKILL in the middle
// of a steady load of sign-up and publication sagas, then simply started again. Commands
// keep being accepted (the outbox does not need Kafka), every saga ends, and the services
// agree with each other about every one of them, with no effect applied twice.

const LOAD = { seconds: 12, perSecond: 2 };
const KILL_AT_MS = 3_000;
const DOWN_FOR_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const result = await load.run({
      ...LOAD,
      during: async () => {
        await sleep(KILL_AT_MS);
        await killNine(piece);
        await sleep(DOWN_FOR_MS);
        await restart(piece);
      },
    });
    expect(result.refused).toEqual([]);
    await awaitTerminal(result, 120_000);
    await awaitConsumersCaughtUp(120_000);
    const report = await reconcile(result, load.subscriberId);
    process.stdout.write(`${piece} killed: ${JSON.stringify(report)}\n`);
    expect(report.problems).toEqual([]);
    const total = LOAD.seconds * LOAD.perSecond;
    expect(Object.values(report.signUps).reduce((a, b) => a + b, 0)).toBe(total);
    expect(Object.values(report.publications).reduce((a, b) => a + b, 0)).toBe(total);
  }, 300_000);
});
