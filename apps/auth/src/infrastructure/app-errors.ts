import { AppError } from '@blog/chassis';
import { AccountRefusal } from '../domain/account.refusal';

/** The domain's refusals leave the service as AppErrors with the same kind and code. */
export function asAppError(error: unknown): unknown {
  if (error instanceof AccountRefusal) {
    return new AppError(error.kind, error.code, error.message, error.details);
  }
  return error;
}
