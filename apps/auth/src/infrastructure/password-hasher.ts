import { availableParallelism } from 'node:os';
import { argon2id, hash, verify } from 'argon2';
import pLimit from 'p-limit';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2 runs on libuv's four pool threads, and the kernel shares a process's CPU between
 * its threads: four hashes at once left the event loop a fifth of the service's share, and
 * under a sign-up burst on 2 cores the consumers waited 30 s of 40 on the run queue
 * (bench/RESULTS.md, saga latency, 2026-12-02). One core is always left to the loop.
 */
const DEFAULT_CONCURRENCY = Math.max(1, availableParallelism() - 1);

/** Passwords are normalised so the same characters typed differently still match. */
const normalised = (password: string) => password.normalize('NFKC');

export class PasswordHasher {
  private dummy: Promise<string> | undefined;
  private readonly slots: pLimit.Limit;

  constructor(concurrency = DEFAULT_CONCURRENCY) {
    this.slots = pLimit(concurrency);
  }

  /** Hashes running now, and waiting for a slot. */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.slots.activeCount, waiting: this.slots.pendingCount };
  }

  hash(password: string): Promise<string> {
    return this.slots(() => hash(normalised(password), OPTIONS));
  }

  verify(digest: string, password: string): Promise<boolean> {
    return this.slots(async () => {
      try {
        return await verify(digest, normalised(password));
      } catch {
        return false;
      }
    });
  }

  /** Same cost as a real check, for unknown emails: timing does not tell who has an account. */
  async burn(password: string): Promise<false> {
    this.dummy ??= this.hash('not-a-password-anyone-has');
    await this.verify(await this.dummy, password);
    return false;
  }
}
