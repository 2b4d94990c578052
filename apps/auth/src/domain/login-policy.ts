import { AppError } from '@blog/domain';
import type { AccountStatus } from './account.state';

export interface LoginCandidate {
  readonly status: AccountStatus;
  readonly rejectionReason: string | null;
}

/**
 * Whether an account whose password was just proven may get tokens. Asked only after the
 * password matched, so an account's status is never told to someone who cannot log in.
 */
export function assertMayLogIn(account: LoginCandidate): void {
  switch (account.status) {
    case 'ACTIVE':
      return;
    case 'PENDING':
      throw new AppError(
        'forbidden',
        'AUTH.ACCOUNT_PENDING',
        'The account is not active yet: sign-up is still in progress',
      );
    case 'REJECTED':
      throw new AppError('forbidden', 'AUTH.ACCOUNT_REJECTED', 'The sign-up was rejected', {
        reason: account.rejectionReason,
      });
    case 'CLOSING':
      throw new AppError('forbidden', 'AUTH.ACCOUNT_CLOSING', 'The account is being closed');
    case 'CLOSED':
      throw new AppError('forbidden', 'AUTH.ACCOUNT_CLOSED', 'The account is closed');
    default: {
      const unknown: never = account.status;
      throw new Error(`Unknown account status ${String(unknown)}`);
    }
  }
}
