/**
 * A position in the all-events order `(transaction_id, global_position)`. Ordering by
 * the writer's transaction first is what lets a reader stop below transactions still in
 * flight and never jump over an event that commits late with a lower global position.
 */
export interface Checkpoint {
  readonly transactionId: string;
  readonly position: number;
}

export const START_CHECKPOINT: Checkpoint = { transactionId: '0', position: 0 };
