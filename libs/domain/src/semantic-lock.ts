import { AppError } from './app-error';

/**
 * A semantic lock (Garcia-Molina's countermeasure for sagas): while a saga works on an
 * aggregate, the aggregate carries the saga's id and kind, and conflicting commands are
 * refused with both instead of overwriting the saga's work. Pure: aggregates keep the
 * lock in their state and `evolve` sets or clears it from the saga's own events.
 */
export interface SemanticLock {
  readonly sagaId: string;
  /** One of the contracts' SagaType names; this library sits below contracts, so a string. */
  readonly sagaType: string;
}

/** 409 `LOCKED`, naming the saga that holds the aggregate so the client can follow it. */
export class LockedError extends AppError {
  constructor(
    readonly resource: string,
    readonly lock: SemanticLock,
    readonly action: string,
  ) {
    super(
      'conflict',
      'LOCKED',
      `${resource} is locked by ${lock.sagaType} saga ${lock.sagaId}; cannot ${action} now`,
      { sagaId: lock.sagaId, sagaType: lock.sagaType },
    );
    this.name = 'LockedError';
  }
}

/** Throws when a command meets a lock; returns nothing so it reads as a guard. */
export function assertUnlocked(lock: SemanticLock | null, resource: string, action: string): void {
  if (lock) throw new LockedError(resource, lock, action);
}

/**
 * Whether an event may clear the lock: only the saga holding it ends it (by success or
 * compensation); an unrelated saga's answer leaves it in place.
 */
export function releasedBy(lock: SemanticLock | null, sagaId: string | null): boolean {
  return lock !== null && lock.sagaId === sagaId;
}
