import { Pool } from 'pg';
import { z } from 'zod';
import type { ConsumedRecord } from './consumed-record';
import type { MessageHandler } from './message-handler';
import { MessageProcessor } from './message-processor';

// prepare() is the processor's edge with no I/O: envelope, upcasting, schema, handler.

const renamed = z.object({ postId: z.string(), heading: z.string() });

/** Version 2 renamed `title` to `heading`; version 1 is still read. */
const upcastTo2 = (schemaVersion: number, payload: unknown) => {
  if (schemaVersion === 2) return payload;
  if (schemaVersion !== 1) throw new Error(`PostRenamed at schema version ${schemaVersion}`);
  const { title, ...rest } = payload as { title: string };
  return { ...rest, heading: title };
};

const handler = (upcast?: MessageHandler['upcast']): MessageHandler<unknown> => ({
  type: 'PostRenamed',
  schema: renamed,
  ...(upcast ? { upcast } : {}),
  handle: async () => undefined,
});

const processorOf = (handlers: MessageHandler<unknown>[]) =>
  new MessageProcessor({
    consumer: 'spec.upcasting',
    pool: new Pool(),
    handlers,
    deadLetters: { publish: async () => undefined },
  });

const record = (schemaVersion: number, payload: object): ConsumedRecord => ({
  topic: 'outbox.event.post',
  partition: 0,
  offset: '1',
  key: 'p-1',
  value: JSON.stringify(payload),
  headers: {
    id: '7d0c7a5e-1f3b-4c8e-9a0e-6f1f0c3b2a11',
    eventType: 'PostRenamed',
    correlationId: 'c-1',
    occurredAt: '2026-11-23T18:00:00.000Z',
    schemaVersion: String(schemaVersion),
  },
});

describe('MessageProcessor.prepare: schema versions', () => {
  it('upcasts an older version before the schema check', () => {
    const prepared = processorOf([handler(upcastTo2)]).prepare(
      record(1, { postId: 'p-1', title: 'Old' }),
    );
    expect(prepared).toMatchObject({
      ok: true,
      message: { payload: { postId: 'p-1', heading: 'Old' } },
    });
  });

  it('takes the current version as it is', () => {
    const prepared = processorOf([handler(upcastTo2)]).prepare(
      record(2, { postId: 'p-1', heading: 'New' }),
    );
    expect(prepared).toMatchObject({ ok: true, message: { payload: { heading: 'New' } } });
  });

  it('refuses a version it cannot read as an invalid payload, saying why', () => {
    expect(
      processorOf([handler(upcastTo2)]).prepare(record(3, { postId: 'p-1', heading: 'Next' })),
    ).toEqual({
      ok: false,
      ignored: false,
      reason: 'invalid-payload',
      error: 'PostRenamed at schema version 3',
    });
  });

  it('without upcasters (envelope readers), leaves the version alone', () => {
    const prepared = processorOf([handler()]).prepare(record(7, { postId: 'p-1', heading: 'X' }));
    expect(prepared.ok).toBe(true);
  });
});
