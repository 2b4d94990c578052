import type { SagaType } from '@blog/contracts';
import type { InboundMessage } from '@blog/consumer';
import type { SqlClient } from '@blog/sql';
import { recordSagaStep, type SagaOutcome } from './saga-log';

/**
 * A participant's reaction to one saga event (choreography: no orchestrator). It returns
 * its outcome; the saga log entry commits with its effects and inbox row.
 */
export type SagaReaction<Payload> = (
  tx: SqlClient,
  message: InboundMessage<Payload> & { sagaId: string },
) => Promise<SagaOutcome>;

export class MissingSagaIdError extends Error {
  readonly code = 'SAGA.MISSING_ID';
}

/** Runs a participant's reaction to a saga message and logs its step with the outcome. */
export async function runSagaStep<Payload>(
  tx: SqlClient,
  message: InboundMessage<Payload>,
  step: { readonly sagaType: SagaType; readonly step: string },
  react: SagaReaction<Payload>,
): Promise<void> {
  const sagaId = message.envelope.sagaId;
  if (sagaId === null) {
    throw new MissingSagaIdError(
      `${message.envelope.type} ${message.envelope.messageId} carries no saga id`,
    );
  }
  const outcome = await react(tx, { ...message, sagaId });
  await recordSagaStep(tx, {
    sagaId,
    sagaType: step.sagaType,
    step: step.step,
    outcome,
    messageId: message.envelope.messageId,
  });
}

/**
 * Records a participant's step when the message belongs to a saga. For a fact that may
 * arrive outside any saga (PostPublished, BlogDeleted): it is applied either way.
 */
export async function recordStepIfInSaga(
  tx: SqlClient,
  message: InboundMessage<unknown>,
  step: { sagaType: SagaType; step: string; outcome: SagaOutcome },
): Promise<void> {
  const sagaId = message.envelope.sagaId;
  if (sagaId === null) return;
  await recordSagaStep(tx, { ...step, sagaId, messageId: message.envelope.messageId });
}
