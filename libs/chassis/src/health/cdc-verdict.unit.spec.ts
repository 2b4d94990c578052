import { cdcVerdict, type CdcFacts } from './cdc-verdict';
import { connectorHealthOf } from './connector-status';

const slot = {
  slot: 'outbox_user',
  database: 'blog_user',
  active: true,
  walStatus: 'reserved',
  lagBytes: 4_096,
  retainedBytes: 65_536,
};
const facts = (overrides: Partial<CdcFacts> = {}): CdcFacts => ({
  connector: 'outbox-user',
  connectorHealth: { running: true, state: 'RUNNING' },
  slot: 'outbox_user',
  slotLag: slot,
  maxSlotLagBytes: 1_000_000,
  ...overrides,
});

describe('connectorHealthOf', () => {
  const body = (connector: string, ...tasks: string[]) => ({
    connector: { state: connector },
    tasks: tasks.map((state, id) => ({ id, state })),
  });

  it('is running only when the connector and every task run', () => {
    expect(connectorHealthOf(body('RUNNING', 'RUNNING'))).toEqual({
      running: true,
      state: 'RUNNING',
    });
    expect(connectorHealthOf(body('PAUSED', 'PAUSED'))).toEqual({
      running: false,
      state: 'PAUSED',
    });
  });

  it('names a failed task under a RUNNING connector, and a connector without tasks', () => {
    expect(connectorHealthOf(body('RUNNING', 'RUNNING', 'FAILED'))).toEqual({
      running: false,
      state: 'RUNNING, task 1 FAILED',
    });
    expect(connectorHealthOf(body('RUNNING'))).toEqual({
      running: false,
      state: 'RUNNING, no tasks',
    });
  });

  it('names a task still running under a PAUSED connector: it has not stopped sending', () => {
    expect(connectorHealthOf(body('PAUSED', 'PAUSED', 'RUNNING'))).toEqual({
      running: false,
      state: 'PAUSED, task 1 RUNNING',
    });
  });

  it('does not trust a body it cannot read', () => {
    expect(connectorHealthOf({ error_code: 500 })).toMatchObject({ running: false });
  });
});

describe('cdcVerdict', () => {
  it('is healthy with a running connector and a slot within the threshold', () => {
    expect(cdcVerdict(facts())).toMatchObject({
      healthy: true,
      problems: [],
      details: { connector: 'outbox-user', state: 'RUNNING', slotLagBytes: 4_096 },
    });
  });

  it('names a connector that is not running', () => {
    const verdict = cdcVerdict(facts({ connectorHealth: { running: false, state: 'PAUSED' } }));
    expect(verdict.healthy).toBe(false);
    expect(verdict.problems).toEqual(['connector outbox-user is PAUSED']);
  });

  it('names a slot past the threshold, a lost slot, a missing one and an unreadable one', () => {
    expect(cdcVerdict(facts({ maxSlotLagBytes: 4_095 })).problems).toEqual([
      'slot outbox_user is 4096 bytes behind (max 4095)',
    ]);
    expect(cdcVerdict(facts({ slotLag: { ...slot, walStatus: 'lost' } })).problems).toEqual([
      'slot outbox_user lost WAL it still needed',
    ]);
    expect(cdcVerdict(facts({ slotLag: null })).problems).toEqual([
      'slot outbox_user does not exist',
    ]);
    expect(cdcVerdict(facts({ slotLag: new Error('timeout') })).problems).toEqual([
      'slot outbox_user could not be read: timeout',
    ]);
  });
});
