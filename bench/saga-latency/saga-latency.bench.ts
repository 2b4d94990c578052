/**
 * Saga latency end to end through a gateway: sign-up (auth → user → auth) and publish
 * (post → blog → post) started at a steady rate, from the 202 to the initiator's terminal
 * state seen by polling its database every 10 ms. In the same run and at the same pace, a
 * single step (one outbox message through Debezium, Kafka and the library's consumer) gives
 * the yardstick: a saga of three steps should cost no more than 3 × step p99 + 20 ms.
 *
 *   npm run build && node dist/bench/saga-latency/saga-latency.bench.js [--rate 5] [--sign-up-rate 5] [--seconds 30]
 *
 * Runs its own gateway process (the stack's allows 600 requests a minute per address, shared
 * by every local client). Needs the local stack. Exits non-zero only if it could not run.
 */
import { parseArgs } from 'node:util';
import { localDatabaseUrl } from '@blog/chassis';
import { authorWithBlog, draftPost } from '../lib/blog-fixture';
import { CpuMeter, describeCpu, pidCpu, selfCpu, stackCpu } from '../lib/cpu-meter';
import { startExtraGateway } from '../lib/extra-gateway';
import { JsonApi } from '../lib/json-api';
import { summarise } from '../lib/stats';
import { runSagaLoad, settle } from './saga-load';
import { describeRefusals, sagaTables } from './saga-report';
import { StepProbe } from './step-probe';
import { PUBLISH_TERMINAL, SIGN_UP_TERMINAL, TerminalPoller } from './terminal-poller';

const say = (text: string) => process.stderr.write(`${text}\n`);
const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '5' },
    // Sign-ups hash a password (argon2id): auth's capacity, not the pipeline's, bounds them.
    'sign-up-rate': { type: 'string' },
    seconds: { type: 'string', default: '30' },
    'poll-ms': { type: 'string', default: '10' },
    'settle-seconds': { type: 'string', default: '30' },
  },
});
const rate = Number(values.rate);
const signUpRate = Number(values['sign-up-rate'] ?? values.rate);
const seconds = Number(values.seconds);
const pollMs = Number(values['poll-ms']);

async function main(): Promise<void> {
  const gateway = await startExtraGateway();
  let probe: StepProbe | null = null;
  const pollers: TerminalPoller[] = [];
  try {
    const api = new JsonApi(gateway.url);
    const total = rate * seconds;
    const signUpTotal = signUpRate * seconds;
    say(`preparing a blog and ${total} drafts through ${gateway.url}…`);
    const { authorToken, blogId } = await authorWithBlog(api);
    const drafts: string[] = [];
    for (let i = 0; i < total; i += 1) {
      drafts.push(await draftPost(api, authorToken, blogId, `Saga ${i}`));
    }
    probe = await StepProbe.open();
    const signUps = await TerminalPoller.connect(
      localDatabaseUrl('auth'),
      SIGN_UP_TERMINAL,
      pollMs,
    );
    const publications = await TerminalPoller.connect(
      localDatabaseUrl('post'),
      PUBLISH_TERMINAL,
      pollMs,
    );
    pollers.push(signUps, publications);
    pollers.forEach((poller) => poller.start());
    const meter = await CpuMeter.start([
      selfCpu(),
      pidCpu('bench gateway', gateway.instance.pid),
      ...(await Promise.all(
        (['auth', 'user', 'blog', 'post', 'postgres', 'connect', 'kafka'] as const).map(stackCpu),
      )),
    ]);
    say(
      `${signUpRate} sign-ups, ${rate} publications and ${rate} probe steps a second for ${seconds} s…`,
    );
    const refused = await runSagaLoad({
      api,
      authorToken,
      drafts,
      rate,
      signUpCount: signUpTotal,
      signUpRate,
      signUps,
      publications,
      probe,
    });
    await settle(pollers, Number(values['settle-seconds']) * 1_000);
    const cpu = await meter.stop();
    const tables = sagaTables(
      [
        { name: 'sign-up (auth → user → auth)', started: signUpTotal, poller: signUps },
        { name: 'publish (post → blog → post)', started: total, poller: publications },
      ],
      probe.summary(),
    );
    const periods = summarise([...signUps.periods, ...publications.periods]);
    process.stdout.write(
      `${tables}\n\n${signUpRate} sign-ups and ${rate} publications a second for ${seconds} s through a second gateway; poll period p50 ${periods.p50.toFixed(1)} ms, ` +
        `p99 ${periods.p99.toFixed(1)} ms (the figures' resolution). Refused: ${describeRefusals(refused)}. ` +
        `CPU during the run: ${describeCpu(cpu)}.\n`,
    );
  } finally {
    await Promise.all(pollers.map((poller) => poller.stop()));
    await probe?.close();
    await gateway.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `saga-latency bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
