import { ConcurrencyError } from '../errors/concurrency.error';
import { retryOnConflict } from './retry-on-conflict';

/** An attempt that fails with `errors` in turn, then answers 'done'. */
function failingWith(...errors: unknown[]) {
  let calls = 0;
  const attempt = async () => {
    const error = errors[calls];
    calls += 1;
    if (error !== undefined) throw error;
    return 'done';
  };
  return { attempt, calls: () => calls };
}

const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error(code), { code, constraint });

describe('retryOnConflict', () => {
  it('decides again when another writer moved the stream', async () => {
    const { attempt, calls } = failingWith(new ConcurrencyError('s-1', 1, 2));
    await expect(retryOnConflict(attempt)).resolves.toBe('done');
    expect(calls()).toBe(2);
  });

  it('retries deadlocks and serialization failures', async () => {
    const { attempt, calls } = failingWith(pgError('40P01'), pgError('40001'));
    await expect(retryOnConflict(attempt)).resolves.toBe('done');
    expect(calls()).toBe(3);
  });

  it('retries only the unique violations it is told a fresh attempt resolves', async () => {
    const slugTaken = pgError('23505', 'blogs_owner_slug_key');
    const named = failingWith(slugTaken);
    await expect(
      retryOnConflict(named.attempt, { uniqueConstraints: ['blogs_owner_slug_key'] }),
    ).resolves.toBe('done');
    await expect(retryOnConflict(failingWith(slugTaken).attempt)).rejects.toBe(slugTaken);
  });

  it('gives up after the last attempt, and at once on anything else', async () => {
    const conflict = new ConcurrencyError('s-1', 1, 2);
    const always = failingWith(conflict, conflict, conflict);
    await expect(retryOnConflict(always.attempt)).rejects.toBe(conflict);
    expect(always.calls()).toBe(3);
    const bug = new TypeError('bug');
    const once = failingWith(bug);
    await expect(retryOnConflict(once.attempt, { attempts: 5 })).rejects.toBe(bug);
    expect(once.calls()).toBe(1);
  });
});
