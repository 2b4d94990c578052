import type { z, ZodType } from 'zod';

/**
 * The wire contract of one integration message: where it travels, what it is called,
 * which version, and the schema both sides parse with. Producers and consumers import
 * the same object; no class name or in-process emitter is ever the contract.
 */
export interface MessageContract<Type extends string, Schema extends ZodType> {
  /** Routes the topic through Debezium: `outbox.event.<aggregateType>`. */
  readonly aggregateType: string;
  readonly topic: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly schema: Schema;
}

export function defineMessage<Type extends string, Schema extends ZodType>(definition: {
  aggregateType: string;
  type: Type;
  schemaVersion: number;
  schema: Schema;
}): MessageContract<Type, Schema> {
  return { ...definition, topic: `outbox.event.${definition.aggregateType}` };
}

export type PayloadOf<Contract> =
  Contract extends MessageContract<string, infer S> ? z.output<S> : never;

/** Why a message is sent: the context that travels with it (STYLE.md rule 4). */
export interface MessageContext {
  readonly messageId: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly sagaId?: string | null;
  readonly traceparent?: string | null;
  readonly occurredAt: Date;
}
