import { assertUnlocked, LockedError, releasedBy } from './semantic-lock';

const lock = { sagaId: 'saga-7', sagaType: 'publish-post' } as const;

describe('semantic locks', () => {
  it('lets commands through an unlocked resource', () => {
    expect(() => assertUnlocked(null, 'post p1', 'edit')).not.toThrow();
  });

  it('refuses a conflicting command with the code, saga id and kind', () => {
    let thrown: unknown;
    try {
      assertUnlocked(lock, 'post p1', 'edit');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LockedError);
    expect(thrown).toMatchObject({ code: 'LOCKED', lock, resource: 'post p1', action: 'edit' });
    expect((thrown as Error).message).toBe(
      'post p1 is locked by publish-post saga saga-7; cannot edit now',
    );
  });

  it('is released only by the saga that holds it', () => {
    expect(releasedBy(lock, 'saga-7')).toBe(true);
    expect(releasedBy(lock, 'saga-8')).toBe(false);
    expect(releasedBy(lock, null)).toBe(false);
    expect(releasedBy(null, 'saga-7')).toBe(false);
  });
});
