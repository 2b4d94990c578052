import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  it('checks a password against its own hash, NFKC-normalised, and nothing else', async () => {
    const hasher = new PasswordHasher();
    const digest = await hasher.hash('ﬁsh and chips 1234');

    expect(digest).toMatch(/^\$argon2id\$/);
    expect(await hasher.verify(digest, 'fish and chips 1234')).toBe(true);
    expect(await hasher.verify(digest, 'fish and chips 1235')).toBe(false);
    expect(await hasher.verify('not a hash', 'fish and chips 1234')).toBe(false);
  });

  it('runs no more hashes at once than its concurrency, so a burst leaves the event loop a core', async () => {
    const hasher = new PasswordHasher({ concurrency: 1 });
    const seen: number[] = [];
    const hashes = ['one', 'two', 'three'].map((password) =>
      hasher.hash(`${password} long enough`),
    );
    const watch = setInterval(() => seen.push(hasher.load.running), 1);

    const digests = await Promise.all(hashes);
    clearInterval(watch);

    expect(new Set(digests).size).toBe(3);
    expect(Math.max(...seen)).toBe(1);
    expect(hasher.load).toEqual({ running: 0, waiting: 0 });
  });

  it('queues the hashes beyond its concurrency instead of refusing them', async () => {
    const hasher = new PasswordHasher({ concurrency: 2 });
    const hashes = Array.from({ length: 5 }, (_, i) => hasher.hash(`password number ${i}`));
    await new Promise((started) => setImmediate(started));

    expect(hasher.load).toEqual({ running: 2, waiting: 3 });
    return Promise.all(hashes);
  });

  it('refuses with 503 AUTH.BUSY, before hashing, a check that would wait past its budget', async () => {
    const hasher = new PasswordHasher({ concurrency: 1, maxWaitMs: 1 });
    await hasher.hash('times one hash first');
    const running = hasher.hash('takes the only slot');

    await expect(hasher.verify('$argon2id$whatever', 'would wait')).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'AUTH.BUSY',
    });
    expect(hasher.load).toEqual({ running: 1, waiting: 0 });
    await running;
    // Once the slot is free again, nothing is ahead: the next check is taken.
    await expect(hasher.hash('after the burst')).resolves.toMatch(/^\$argon2id\$/);
  });
});
