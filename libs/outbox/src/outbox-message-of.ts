import type { AnyMessageContract, MessageContext, PayloadOf } from '@blog/contracts';
import type { JsonValue } from '@blog/domain';
import type { OutboxMessage } from './outbox-message';

/** Builds the outbox row of a contract message; the payload is checked before it leaves. */
export function outboxMessageOf<Contract extends AnyMessageContract>(
  contract: Contract,
  aggregateId: string,
  payload: PayloadOf<Contract>,
  context: MessageContext,
): OutboxMessage {
  return {
    ...context,
    aggregateType: contract.aggregateType,
    aggregateId,
    type: contract.type,
    schemaVersion: contract.schemaVersion,
    payload: contract.schema.parse(payload) as JsonValue,
  };
}
