/** What the messages alone say about a saga. */
export type RecordedSagaStatus = 'running' | 'succeeded' | 'compensated' | 'timed_out';

/** What an operator sees: the recorded status, or what needs them now. */
export type SagaStatus = RecordedSagaStatus | 'stuck' | 'failed';

export const SAGA_STATUSES = [
  'running',
  'succeeded',
  'compensated',
  'timed_out',
  'stuck',
  'failed',
] as const satisfies readonly SagaStatus[];

/**
 * Dead letters win: a message some service could not apply needs an operator whatever
 * the saga did next. A running saga silent for longer than the threshold is stuck.
 */
export function visibleStatus(
  recorded: RecordedSagaStatus,
  facts: { lastMessageAt: Date; now: Date; stuckAfterMs: number; hasDeadLetters: boolean },
): SagaStatus {
  if (facts.hasDeadLetters) return 'failed';
  if (
    recorded === 'running' &&
    facts.now.getTime() - facts.lastMessageAt.getTime() > facts.stuckAfterMs
  ) {
    return 'stuck';
  }
  return recorded;
}
