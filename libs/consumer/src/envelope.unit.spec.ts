import { decodeEnvelope } from './envelope';

const valid = {
  id: '7d0c7a5e-1f3b-4c8e-9a0e-6f1f0c3b2a11',
  eventType: 'PostPublished',
  correlationId: 'c-1',
  causationId: null,
  sagaId: 's-1',
  traceparent: null,
  occurredAt: '2026-11-23T18:00:00.000Z',
  schemaVersion: '2',
};

describe('decodeEnvelope', () => {
  it('maps router headers to the envelope, nulls kept as null', () => {
    expect(decodeEnvelope(valid)).toEqual({
      ok: true,
      envelope: {
        messageId: valid.id,
        type: 'PostPublished',
        correlationId: 'c-1',
        causationId: null,
        sagaId: 's-1',
        traceparent: null,
        occurredAt: valid.occurredAt,
        schemaVersion: 2,
      },
    });
  });

  it('names what is wrong with a forged or truncated envelope', () => {
    const result = decodeEnvelope({ ...valid, id: 'not-a-uuid', schemaVersion: '0' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/id: .*schemaVersion: /);
  });
});
