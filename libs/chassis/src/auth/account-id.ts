import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { Caller } from './caller';

const AccountId = z.uuid();

/**
 * Owners are account ids (UUIDs); a caller whose token subject is not one cannot own
 * anything: 403 with the service's `code`.
 */
export function accountIdOf(caller: Caller, code: string): string {
  if (!AccountId.safeParse(caller.accountId).success) {
    throw new AppError('forbidden', code, 'The caller is not an account');
  }
  return caller.accountId;
}
