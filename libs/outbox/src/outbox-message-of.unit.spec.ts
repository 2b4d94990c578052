import { z } from 'zod';
import { defineMessage } from '@blog/contracts';
import { outboxMessageOf } from './outbox-message-of';

const Probe = defineMessage({
  aggregateType: 'probe',
  type: 'ProbeHappened',
  schemaVersion: 2,
  schema: z.object({ probeId: z.uuid(), note: z.string().max(10) }),
  publisher: 'probe',
  key: 'probeId',
  example: { probeId: '5b1e1f4c-0000-4000-8000-000000000002', note: 'hi' },
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

describe('message contracts across schema versions', () => {
  const v1 = { noteId: '5b1e1f4c-0000-4000-8000-000000000003', text: 'hello world' };
  type V1 = typeof v1;
  type V2 = { noteId: string; body: string };
  const noted = {
    aggregateType: 'probe',
    publisher: 'probe',
    type: 'Noted',
    schemaVersion: 3,
    schema: z.object({ noteId: z.uuid(), body: z.string(), words: z.number().int() }),
    key: 'noteId',
    example: { noteId: v1.noteId, body: 'hello world', words: 2 },
  } as const;
  const Noted = defineMessage({
    ...noted,
    upcasters: {
      2: (v2: V2) => ({ ...v2, words: v2.body.split(' ').length }),
      1: ({ noteId, text }: V1) => ({ noteId, body: text }),
    },
  });

  it('bring an older payload to the current version through every step', () => {
    expect(Noted.readsFrom).toBe(1);
    expect(Noted.upcast(1, v1)).toEqual({ noteId: v1.noteId, body: 'hello world', words: 2 });
    expect(Noted.upcast(3, Noted.example)).toBe(Noted.example);
  });

  it('refuse a version newer than the build knows, and one older than its upcasters', () => {
    expect(() => Noted.upcast(4, {})).toThrow(
      'Noted at schema version 4: this build reads versions 1 to 3',
    );
    expect(() => Probe.upcast(1, {})).toThrow('this build reads versions 2 to 2');
  });

  it('refuse, when defined, upcasters that do not lead to the contract’s version', () => {
    const define = (upcasters: Record<number, (payload: never) => { noteId: string }>) => () =>
      defineMessage({ ...noted, upcasters });
    expect(define({ 1: (p: V1) => p, 3: (p: V1) => p })).toThrow(/skip version 2/);
    expect(define({ 1: (p: V1) => p })).toThrow(
      'Noted is at schema version 3, but its upcasters lead to 2',
    );
  });
});
