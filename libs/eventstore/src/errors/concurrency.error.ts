import type { ExpectedVersion } from '../events/event';

/**
 * Another writer got to the stream first: the command was decided on a stale state.
 * Callers reload and decide again, or surface a 409 with this code.
 */
export class ConcurrencyError extends Error {
  readonly code = 'EVENTSTORE.CONCURRENCY' as const;

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append failed; null when it does not exist. */
    readonly actual: number | null,
  ) {
    super(
      `Stream "${streamId}" expected at ${String(expected)} but is at ${actual ?? 'no stream'}`,
    );
    this.name = 'ConcurrencyError';
  }
}
