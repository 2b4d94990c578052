import { argon2id, hash, verify } from 'argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Passwords are normalised so the same characters typed differently still match. */
const normalised = (password: string) => password.normalize('NFKC');

export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(normalised(password), OPTIONS);
  }

  async verify(digest: string, password: string): Promise<boolean> {
    try {
      return await verify(digest, normalised(password));
    } catch {
      return false;
    }
  }

  /** Same cost as a real check, for unknown emails: timing does not tell who has an account. */
  async burn(password: string): Promise<false> {
    this.dummy ??= this.hash('not-a-password-anyone-has');
    await this.verify(await this.dummy, password);
    return false;
  }
}
