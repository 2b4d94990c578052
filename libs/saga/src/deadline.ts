import type { SagaType } from '@blog/contracts';

/** A point in a saga by which the initiator expects an answer, or compensates. */
export interface Deadline {
  readonly sagaId: string;
  readonly sagaType: SagaType;
  /** Unique per saga: scheduling the same name twice keeps the first. */
  readonly name: string;
  readonly dueAt: Date;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Due time of a step, from when it started and how long the saga type allows. */
export function deadlineAt(startedAt: Date, timeoutMs: number): Date {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`saga timeout must be a positive number of ms, got ${timeoutMs}`);
  }
  return new Date(startedAt.getTime() + timeoutMs);
}

export function isDue(deadline: Pick<Deadline, 'dueAt'>, now: Date): boolean {
  return deadline.dueAt.getTime() <= now.getTime();
}
