import { deadlineAt, isDue } from './deadline';

describe('saga deadlines', () => {
  const started = new Date('2026-11-23T10:00:00.000Z');

  it('falls the timeout after the step started', () => {
    expect(deadlineAt(started, 30_000).toISOString()).toBe('2026-11-23T10:00:30.000Z');
  });

  it('refuses a timeout that would fire at once or never', () => {
    expect(() => deadlineAt(started, 0)).toThrow(RangeError);
    expect(() => deadlineAt(started, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('is due at and after its time, not before', () => {
    const deadline = { dueAt: deadlineAt(started, 1_000) };
    expect(isDue(deadline, new Date('2026-11-23T10:00:00.999Z'))).toBe(false);
    expect(isDue(deadline, new Date('2026-11-23T10:00:01.000Z'))).toBe(true);
    expect(isDue(deadline, new Date('2026-11-23T11:00:00.000Z'))).toBe(true);
  });
});
