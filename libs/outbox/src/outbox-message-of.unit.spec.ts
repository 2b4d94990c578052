import { z } from 'zod';
import { defineMessage } from '@blog/contracts';
import { outboxMessageOf } from './outbox-message-of';

const Probe = defineMessage({
  aggregateType: 'probe',
  type: 'ProbeHappened',
  schemaVersion: 2,
  schema: z.object({ probeId: z.uuid(), note: z.string().max(10) }),
});

const context = {
  messageId: '5b1e1f4c-0000-4000-8000-000000000001',
  correlationId: 'corr',
  occurredAt: new Date('2026-11-23T00:00:00Z'),
};

describe('message contracts', () => {
  it('route to outbox.event.<aggregateType>', () => {
    expect(Probe.topic).toBe('outbox.event.probe');
  });

  it('build the outbox row with the contract’s type and version', () => {
    const probeId = '5b1e1f4c-0000-4000-8000-000000000002';
    expect(outboxMessageOf(Probe, probeId, { probeId, note: 'hi' }, context)).toEqual({
      ...context,
      aggregateType: 'probe',
      aggregateId: probeId,
      type: 'ProbeHappened',
      schemaVersion: 2,
      payload: { probeId, note: 'hi' },
    });
  });

  it('refuse to send a payload its own consumers would reject', () => {
    expect(() =>
      outboxMessageOf(Probe, 'x', { probeId: 'not-a-uuid', note: 'far too long a note' }, context),
    ).toThrow();
  });
});
