import { AppError, type Caller } from '@blog/chassis';
import { z } from 'zod';

const AccountId = z.uuid();

/** Owners are account ids (UUIDs); a token whose subject is not one cannot own anything. */
export function accountIdOf(caller: Caller): string {
  if (!AccountId.safeParse(caller.accountId).success) {
    throw new AppError('forbidden', 'POST.INVALID_ACCOUNT', 'The caller is not an account');
  }
  return caller.accountId;
}
