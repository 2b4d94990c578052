import { AppError } from '@blog/chassis';
import type { MessageEnvelope } from '@blog/consumer';
import { MissingSagaIdError } from '@blog/saga';

/** A saga answer without its saga id cannot be matched: dead-letter it for an operator. */
export function sagaIdOf(envelope: MessageEnvelope): string {
  if (envelope.sagaId === null) {
    throw new MissingSagaIdError(`${envelope.type} ${envelope.messageId} carries no saga id`);
  }
  return envelope.sagaId;
}

/** An answer about an account this service never registered: nothing to apply. */
export const isUnknownAccount = (error: unknown) =>
  error instanceof AppError && error.code === 'AUTH.ACCOUNT_NOT_FOUND';
