import type { InboundMessage, MessageHandler } from '@blog/consumer';
import type { SqlClient } from '@blog/sql';
import type { ZodType } from 'zod';
import { recordSagaStep, type SagaOutcome } from './saga-log';

/**
 * A participant's reaction to one saga event (choreography: no orchestrator). The
 * reaction returns its outcome; the saga log entry commits with its effects and inbox row.
 */
export interface SagaStepDefinition<Payload> {
  readonly sagaType: string;
  readonly step: string;
  readonly type: string;
  readonly schema: ZodType<Payload>;
  react(tx: SqlClient, message: InboundMessage<Payload> & { sagaId: string }): Promise<SagaOutcome>;
}

export class MissingSagaIdError extends Error {
  readonly code = 'SAGA.MISSING_ID';
}

export function sagaStepHandler<Payload>(
  definition: SagaStepDefinition<Payload>,
): MessageHandler<unknown> {
  const handler: MessageHandler<Payload> = {
    type: definition.type,
    schema: definition.schema,
    async handle(tx, message) {
      const sagaId = message.envelope.sagaId;
      if (sagaId === null) {
        throw new MissingSagaIdError(
          `${definition.type} ${message.envelope.messageId} carries no saga id`,
        );
      }
      const outcome = await definition.react(tx, { ...message, sagaId });
      await recordSagaStep(tx, {
        sagaId,
        sagaType: definition.sagaType,
        step: definition.step,
        outcome,
        messageId: message.envelope.messageId,
      });
    },
  };
  return handler as MessageHandler<unknown>;
}

/**
 * Records a participant's step when the message belongs to a saga. For a fact that may
 * arrive outside any saga (PostPublished, BlogDeleted): it is applied either way.
 */
export async function recordStepIfInSaga(
  tx: SqlClient,
  message: InboundMessage<unknown>,
  step: { sagaType: string; step: string; outcome: SagaOutcome },
): Promise<void> {
  const sagaId = message.envelope.sagaId;
  if (sagaId === null) return;
  await recordSagaStep(tx, { ...step, sagaId, messageId: message.envelope.messageId });
}
