import type { SemanticLock } from '@blog/domain';
import type { ClosureStep, Role } from './account.events';

export type AccountStatus = 'PENDING' | 'ACTIVE' | 'REJECTED' | 'CLOSING' | 'CLOSED';

export interface Closure {
  readonly sagaId: string;
  readonly completed: readonly ClosureStep[];
  readonly timedOut: boolean;
}

export type AccountState =
  | { readonly status: 'NEW' }
  | {
      readonly status: AccountStatus;
      readonly accountId: string;
      readonly roles: readonly Role[];
      /** Held by the sign-up saga while PENDING and the close-account saga while CLOSING. */
      readonly lock: SemanticLock | null;
      readonly rejectionReason: string | null;
      readonly closure: Closure | null;
    };

export type ExistingAccount = Exclude<AccountState, { status: 'NEW' }>;

export const initialAccountState = (): AccountState => ({ status: 'NEW' });
