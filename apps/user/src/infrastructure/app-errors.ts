import { AppError } from '@blog/chassis';
import { ProfileRefusal } from '../domain/profile.refusal';

/** The domain's refusals leave the service as AppErrors with the same kind and code. */
export function asAppError(error: unknown): unknown {
  if (error instanceof ProfileRefusal) return new AppError(error.kind, error.code, error.message);
  return error;
}
