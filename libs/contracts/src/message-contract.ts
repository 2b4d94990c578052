import type { EventData } from '@blog/domain';
// The registry alone, not the event store's entry point: contracts stay free of pg and kafkajs.
import { UpcasterRegistry } from '@blog/eventstore/upcasting/upcaster-registry';
import type { z, ZodType } from 'zod';

/**
 * Steps from each older schema version of a message to the next, by the version they read:
 * `{ 1: (v1) => v2 }` on a contract at version 2. Consumers run them before the schema check,
 * so a message written at an older version (a backlog, a replay, a dead letter re-driven)
 * reaches a handler in the shape it is written for.
 */
export type MessageUpcasters = Readonly<Record<number, (payload: never) => EventData>>;

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
  /** The service that owns the aggregate and writes the message to its outbox. */
  readonly publisher: string;
  /** The payload field whose value is the outbox row's aggregate id: the Kafka key. */
  readonly key: string;
  /** A payload as the publisher writes it (the documents' example, the producer's sample). */
  readonly example: z.output<Schema>;
  /** The oldest schema version this build reads: upcasters lead from it to `schemaVersion`. */
  readonly readsFrom: number;
  /**
   * A payload written at `schemaVersion` brought to the current version; throws for a
   * version this build does not read (newer than it knows, or older than its upcasters).
   */
  upcast(schemaVersion: number, payload: unknown): unknown;
}

export type AnyMessageContract = MessageContract<string, ZodType>;

export function defineMessage<Type extends string, Schema extends ZodType>(definition: {
  aggregateType: string;
  type: Type;
  schemaVersion: number;
  schema: Schema;
  publisher: string;
  key: Extract<keyof z.output<Schema>, string>;
  example: z.output<Schema>;
  upcasters?: MessageUpcasters;
}): MessageContract<Type, Schema> {
  const { upcasters, ...contract } = definition;
  const { type, schemaVersion } = contract;
  const steps = Object.entries(upcasters ?? {}).map(([from, step]) => ({
    type,
    fromVersion: Number(from),
    upcast: (data: EventData) => step(data as never),
  }));
  // The registry refuses gaps; a chain must also end where the contract is.
  const registry = new UpcasterRegistry(steps);
  if (steps.length > 0 && registry.currentVersion(type) !== schemaVersion) {
    throw new Error(
      `${type} is at schema version ${schemaVersion}, but its upcasters lead to ${registry.currentVersion(type)}`,
    );
  }
  const readsFrom = Math.min(schemaVersion, ...steps.map(({ fromVersion }) => fromVersion));
  return {
    ...contract,
    topic: `outbox.event.${contract.aggregateType}`,
    readsFrom,
    upcast(version, payload) {
      if (version === schemaVersion) return payload;
      if (version > schemaVersion || version < readsFrom) {
        throw new Error(
          `${type} at schema version ${version}: this build reads versions ${readsFrom} to ${schemaVersion}`,
        );
      }
      return registry.upcast(type, version, payload as EventData).data;
    },
  };
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
