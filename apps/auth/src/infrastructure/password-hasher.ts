import { availableParallelism } from 'node:os';
import { AppError } from '@blog/chassis';
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

/**
 * The longest a password check may wait for a slot. Below the gateway's 5 s upstream
 * timeout: a client refused quickly can retry, while a hash still queued when the gateway
 * has answered 504 is work for nobody (a register would even commit after the client was
 * told it failed).
 */
const DEFAULT_MAX_WAIT_MS = 2_000;

/** Until a hash has been timed here: 40 ms on an idle core of the 2-core machine, with room. */
const FIRST_ESTIMATE_MS = 50;

/** Passwords are normalised so the same characters typed differently still match. */
const normalised = (password: string) => password.normalize('NFKC');

export interface PasswordHasherOptions {
  readonly concurrency?: number;
  readonly maxWaitMs?: number;
}

export class PasswordHasher {
  private dummy: Promise<string> | undefined;
  private readonly slots: pLimit.Limit;
  private readonly concurrency: number;
  private readonly maxWaitMs: number;
  /** Moving average of one hash's wall time: it grows when the machine is starved of CPU. */
  private averageMs = FIRST_ESTIMATE_MS;

  constructor({
    concurrency = DEFAULT_CONCURRENCY,
    maxWaitMs = DEFAULT_MAX_WAIT_MS,
  }: PasswordHasherOptions = {}) {
    this.concurrency = concurrency;
    this.maxWaitMs = maxWaitMs;
    this.slots = pLimit(concurrency);
  }

  /** Hashes running now, and waiting for a slot. */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.slots.activeCount, waiting: this.slots.pendingCount };
  }

  /** How long a check asked for now would wait before it starts. */
  private get expectedWaitMs(): number {
    const ahead = this.slots.activeCount + this.slots.pendingCount;
    return (ahead / this.concurrency) * this.averageMs;
  }

  hash(password: string): Promise<string> {
    return this.inSlot(() => hash(normalised(password), OPTIONS));
  }

  verify(digest: string, password: string): Promise<boolean> {
    return this.inSlot(async () => {
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

  /** Refuses at once (503, nothing written) rather than queue past the wait budget. */
  private inSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.expectedWaitMs > this.maxWaitMs) {
      return Promise.reject(
        new AppError('unavailable', 'AUTH.BUSY', 'Too many password checks at once; retry shortly'),
      );
    }
    return this.slots(async () => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      }
    });
  }
}
