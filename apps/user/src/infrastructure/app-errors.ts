import { AppError } from '@blog/chassis';
import { ProfileRefusal } from '../domain/profile.refusal';

/** The domain's refusals leave the service as AppErrors with the same kind and code. */
export function asAppError(error: unknown): unknown {
  if (error instanceof ProfileRefusal) return new AppError(error.kind, error.code, error.message);
  return error;
}

/** Postgres unique_violation on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError.code === '23505' && pgError.constraint === constraint;
}
