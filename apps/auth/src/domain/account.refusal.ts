/** HTTP-free error kinds; the edge maps them onto AppError kinds of the same name. */
export type RefusalKind = 'conflict' | 'forbidden' | 'not-found';

/** A command or login the account's rules refuse, with a stable code. Pure. */
export class AccountRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'AccountRefusal';
  }
}
