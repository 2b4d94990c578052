export type CounterErrorCode =
  'COUNTER.ALREADY_OPEN' | 'COUNTER.NOT_OPEN' | 'COUNTER.OVER_LIMIT' | 'COUNTER.BELOW_ZERO';

/** A command the counter's rules refuse; the code is stable, the message is for people. */
export class CounterError extends Error {
  constructor(
    readonly code: CounterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CounterError';
  }
}
