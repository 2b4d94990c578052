import type { InboundMessage } from '@blog/consumer';
import { recordSagaStep, type SagaOutcome } from '@blog/saga';
import type { SqlClient } from '@blog/sql';

/** Records this participant's step when the message belongs to a saga. */
export async function recordStepIfInSaga(
  tx: SqlClient,
  message: InboundMessage<unknown>,
  step: { sagaType: string; step: string; outcome: SagaOutcome },
): Promise<void> {
  const sagaId = message.envelope.sagaId;
  if (sagaId === null) return;
  await recordSagaStep(tx, { ...step, sagaId, messageId: message.envelope.messageId });
}
