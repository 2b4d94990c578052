import { summariseSaga, type SagaMessageFact } from './saga-summary';
import { visibleStatus } from './saga-status';

let seq = 0;
const at = (second: number, type: string): SagaMessageFact => ({
  messageId: `00000000-0000-4000-8000-${String((seq += 1)).padStart(12, '0')}`,
  type,
  occurredAt: new Date(Date.UTC(2026, 10, 23, 12, 0, second)),
});

const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) =>
        permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
      );

describe('summariseSaga', () => {
  const signUp = [
    at(0, 'AccountRegistered'),
    at(1, 'ProfileCreated'),
    at(2, 'BlogCreated'),
    at(3, 'AccountActivated'),
  ];

  it('gives the same summary for every arrival order', () => {
    const summaries = permutations(signUp).map(summariseSaga);
    for (const summary of summaries) expect(summary).toEqual(summaries[0]);
    expect(summaries[0]).toEqual({
      sagaType: 'sign-up',
      status: 'succeeded',
      startedAt: signUp[0]?.occurredAt,
      endedAt: signUp[3]?.occurredAt,
      lastMessageType: 'AccountActivated',
      lastMessageAt: signUp[3]?.occurredAt,
      messageCount: 4,
    });
  });

  it('is running after the start message alone, and compensated on the compensation', () => {
    expect(summariseSaga([at(0, 'PublishRequested')])).toMatchObject({
      sagaType: 'publish-post',
      status: 'running',
      endedAt: null,
    });
    expect(
      summariseSaga([
        at(2, 'PublicationReverted'),
        at(0, 'PublishRequested'),
        at(1, 'PublicationRejected'),
      ]),
    ).toMatchObject({ sagaType: 'publish-post', status: 'compensated' });
  });

  it('names the saga from an end message that arrives before its start', () => {
    expect(summariseSaga([at(5, 'AccountSignUpTimedOut')])).toMatchObject({
      sagaType: 'sign-up',
      status: 'timed_out',
    });
  });

  it('lets the earliest start name a saga that causes another saga’s start', () => {
    expect(
      summariseSaga([
        at(1, 'BlogDeletionRequested'),
        at(0, 'AccountClosureRequested'),
        at(2, 'BlogDeleted'),
      ]),
    ).toMatchObject({ sagaType: 'close-account', status: 'running' });
  });

  it('leaves a saga of unknown messages running and untyped', () => {
    expect(summariseSaga([at(0, 'ProfileCreated')])).toMatchObject({
      sagaType: null,
      status: 'running',
    });
  });
});

describe('visibleStatus', () => {
  const now = new Date('2026-11-23T12:10:00Z');
  const facts = { now, stuckAfterMs: 60_000, hasDeadLetters: false };

  it('reports a silent running saga as stuck, a recent one as running', () => {
    expect(
      visibleStatus('running', { ...facts, lastMessageAt: new Date('2026-11-23T12:00:00Z') }),
    ).toBe('stuck');
    expect(
      visibleStatus('running', { ...facts, lastMessageAt: new Date('2026-11-23T12:09:30Z') }),
    ).toBe('running');
    expect(visibleStatus('succeeded', { ...facts, lastMessageAt: new Date(0) })).toBe('succeeded');
  });

  it('reports any saga with dead letters as failed', () => {
    expect(visibleStatus('succeeded', { ...facts, lastMessageAt: now, hasDeadLetters: true })).toBe(
      'failed',
    );
  });
});
