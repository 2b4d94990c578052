import { isSnapshotDue } from './snapshot-policy';

describe('isSnapshotDue', () => {
  it.each([
    [0, 1, 3, false],
    [1, 3, 3, true],
    [3, 4, 3, false],
    [2, 7, 3, true],
    [5, 6, 3, true],
    [6, 6, 3, false],
    [0, 100, 1, true],
  ])('from version %i to %i every %i → %s', (previous, next, every, due) => {
    expect(isSnapshotDue(previous, next, every)).toBe(due);
  });

  it('refuses a non-positive interval', () => {
    expect(() => isSnapshotDue(0, 1, 0)).toThrow(RangeError);
  });
});
