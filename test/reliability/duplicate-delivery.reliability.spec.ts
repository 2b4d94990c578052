import { OUTBOX_SERVICES, SERVICE_NAMES } from '@blog/chassis';
import { stackCommand } from '@blog/testing';
import {
  awaitConsumersCaughtUp,
  rewindToEarliest,
  stackGroups,
  totalLag,
} from './support/consumer-groups';
import { snapshotDatabases } from './support/db-snapshot';
import { awaitTerminal } from './support/reconcile';
import { SagaLoad } from './support/saga-load';

// Every Kafka message delivered again: each service's consumer groups are rewound to the
// beginning of every topic, so everything ever published is handled a second time. The
// inboxes must make that a no-op: every table of every service exactly as before.

describe('duplicate delivery storm', () => {
  it('every message handled twice leaves every table of every service identical', async () => {
    const t0 = Date.now();
    const phase = (name: string) =>
      process.stdout.write(`storm: ${name} at ${Date.now() - t0} ms\n`);
    const load = await SagaLoad.prepare();
    const result = await load.run({ seconds: 5, perSecond: 2 });
    await awaitTerminal(result, 60_000);
    const groups = await stackGroups();
    expect(groups.length).toBeGreaterThanOrEqual(SERVICE_NAMES.length);
    await awaitConsumersCaughtUp(60_000);
    const before = await snapshotDatabases({ digest: true });
    phase('settled and snapshotted');

    for (const service of SERVICE_NAMES) await stackCommand('scripts/stack.sh', ['stop', service]);
    try {
      await rewindToEarliest(groups);
      const lag = await totalLag(groups);
      phase(`rewound ${groups.length} groups: ${lag} messages to handle again`);
      expect(lag).toBeGreaterThan(0);
    } finally {
      // The gateway last: its readiness waits for its upstreams.
      for (const service of [...OUTBOX_SERVICES, 'gateway']) {
        await stackCommand('scripts/stack.sh', ['start', service]);
      }
    }
    phase('services started');
    await awaitConsumersCaughtUp(180_000);
    phase('caught up');

    expect(await snapshotDatabases({ digest: true })).toEqual(before);
  }, 400_000);
});
