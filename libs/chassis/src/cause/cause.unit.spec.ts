import { causeOfMessage, causeOfRequest, eventContextOf, messageContextOf } from './cause';

describe('cause', () => {
  const envelope = { messageId: 'm-1', correlationId: 'req-1' };

  it('a request is correlated by its id and caused by nothing before it', () => {
    expect(causeOfRequest('req-1', 'acc-1')).toEqual({
      correlationId: 'req-1',
      causationId: null,
      actor: 'acc-1',
    });
  });

  it('a reaction keeps the correlation and is caused by the message', () => {
    expect(causeOfMessage(envelope, 'system:spec')).toEqual({
      correlationId: 'req-1',
      causationId: 'm-1',
      actor: 'system:spec',
    });
  });

  it('events carry the cause and saga; outside any span no traceparent', () => {
    expect(eventContextOf(causeOfMessage(envelope, 'system:spec'), 'saga-1')).toEqual({
      correlationId: 'req-1',
      causationId: 'm-1',
      actor: 'system:spec',
      sagaId: 'saga-1',
      traceparent: null,
    });
  });

  it('every message gets its own id', () => {
    const cause = causeOfMessage(envelope, 'system:spec');
    const [first, second] = [messageContextOf(cause, 'saga-1'), messageContextOf(cause)];
    expect(first).toMatchObject({ correlationId: 'req-1', causationId: 'm-1', sagaId: 'saga-1' });
    expect(second).toMatchObject({ sagaId: null });
    expect(first.messageId).not.toBe(second.messageId);
  });
});
