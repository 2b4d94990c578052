export type RefusalKind = 'conflict' | 'forbidden' | 'not-found';

/** A command the profile's rules refuse, with a stable code. Pure. */
export class ProfileRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileRefusal';
  }
}
