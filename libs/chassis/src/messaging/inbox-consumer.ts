import type { InboundMessage, MessageHandler, RetryPolicy } from '@blog/consumer';
import type { MessageContract, PayloadOf } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';
import {
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  type Type,
  UseFilters,
} from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { z, type ZodType } from 'zod';

/**
 * What an inbox handler gets besides its payload (`@Ctx()`): the transaction that also
 * writes the inbox row, so its effects happen exactly once, and the whole message.
 */
export interface InboxContext<Payload = unknown> {
  readonly tx: SqlClient;
  readonly message: InboundMessage<Payload>;
}

type InboxMethod<Payload> = (payload: Payload, context: InboxContext<Payload>) => Promise<void>;

/**
 * One message type a handler method takes, the schema its payload is checked with, and the
 * contract's upcasters that bring an older schema version to that schema first.
 */
export interface InboxMessage {
  readonly type: string;
  readonly topic: string;
  readonly schema: ZodType;
  readonly upcast?: (schemaVersion: number, payload: unknown) => unknown;
  /** Taken by its envelope alone (`@OnEnvelopes`): the payload is neither read nor checked. */
  readonly envelopeOnly?: boolean;
}

/** A consumer class as declared: its group, retry policy and handler methods. */
export interface InboxConsumerDeclaration {
  readonly name: string;
  readonly retry?: RetryPolicy;
  readonly methods: readonly { readonly key: string; readonly messages: readonly InboxMessage[] }[];
}

/** What the transport finds in a handler's extras. */
export interface InboxHandlerExtras {
  readonly consumer: string;
  readonly retry?: RetryPolicy;
  readonly messages: readonly InboxMessage[];
}

export const INBOX_EXTRAS = 'inbox';
const CONSUMER_METADATA = Symbol('inbox:consumer');
const METHODS_METADATA = Symbol('inbox:methods');

/** The microservice pattern of one message type in one consumer group. */
export const inboxPattern = (consumer: string, type: string) => `${consumer}/${type}`;

/** A method decorated more than once takes each of those message types. */
function addMethod(target: object, key: string | symbol, messages: readonly InboxMessage[]) {
  const methods: InboxConsumerDeclaration['methods'] =
    Reflect.getMetadata(METHODS_METADATA, target) ?? [];
  const earlier = methods.find((method) => method.key === String(key));
  Reflect.defineMetadata(
    METHODS_METADATA,
    [
      ...methods.filter((method) => method !== earlier),
      { key: String(key), messages: [...messages, ...(earlier?.messages ?? [])] },
    ],
    target,
  );
}

/**
 * Handles one contract message. The method's parameters are typed by the contract, so a
 * handler cannot take another payload than the one its schema lets through. Stacked, the
 * method takes each contract's messages and its payload type must fit them all.
 */
export function OnMessage<Contract extends MessageContract<string, ZodType>>(contract: Contract) {
  return (
    target: object,
    key: string | symbol,
    _descriptor: TypedPropertyDescriptor<InboxMethod<PayloadOf<Contract>>>,
  ): void => addMethod(target, key, [contract]);
}

/**
 * Handles every listed message type by its envelope alone: the payload is not checked,
 * so a message is never dead-lettered over a payload this consumer does not read.
 */
export function OnEnvelopes(contracts: readonly MessageContract<string, ZodType>[]) {
  return (
    target: object,
    key: string | symbol,
    _descriptor: TypedPropertyDescriptor<InboxMethod<unknown>>,
  ): void => {
    const byType = new Map(contracts.map((c) => [c.type, c]));
    addMethod(
      target,
      key,
      [...byType.values()].map(({ type, topic }) => ({
        type,
        topic,
        schema: z.unknown(),
        envelopeOnly: true,
      })),
    );
  };
}

/**
 * A handler's failure goes back to the inbox as it was thrown, to be retried or
 * dead-lettered with its message, instead of Nest's generic RPC error.
 */
@Catch()
class ReturnFailureToInbox implements ExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * A consumer group of this service, its handlers declared with `@OnMessage`: a Nest
 * microservice controller whose methods are event handlers of the inbox transport, so
 * pipes, guards, interceptors and filters apply to them as to any handler.
 */
export function InboxConsumer(name: string, options: { retry?: RetryPolicy } = {}) {
  return (target: Type<unknown>): void => {
    const methods: InboxConsumerDeclaration['methods'] =
      Reflect.getMetadata(METHODS_METADATA, target.prototype) ?? [];
    for (const { key, messages } of methods) {
      const descriptor = Object.getOwnPropertyDescriptor(target.prototype, key);
      if (!descriptor) continue;
      const extras: InboxHandlerExtras = { consumer: name, ...options, messages };
      EventPattern(
        messages.map((message) => inboxPattern(name, message.type)),
        { [INBOX_EXTRAS]: extras },
      )(target.prototype, key, descriptor);
    }
    Reflect.defineMetadata(CONSUMER_METADATA, { name, ...options }, target);
    UseFilters(ReturnFailureToInbox)(target);
    Controller()(target);
  };
}

export const isInboxConsumer = (type: Type<unknown>): boolean =>
  Reflect.hasMetadata(CONSUMER_METADATA, type);

export function inboxDeclarationOf(type: Type<unknown>): InboxConsumerDeclaration {
  const consumer: { name: string; retry?: RetryPolicy } | undefined = Reflect.getMetadata(
    CONSUMER_METADATA,
    type,
  );
  if (!consumer) throw new Error(`${type.name} is not an @InboxConsumer`);
  return { ...consumer, methods: Reflect.getMetadata(METHODS_METADATA, type.prototype) ?? [] };
}

/**
 * The inbox handlers of a consumer as they are applied; `invoke` calls one handler method
 * (the transport passes Nest's handler, with its pipes and interceptors).
 */
export function inboxHandlers(
  messages: readonly InboxMessage[],
  invoke: (payload: unknown, context: InboxContext) => Promise<void>,
): MessageHandler<unknown>[] {
  return messages.map(({ type, schema, upcast }) => ({
    type,
    schema,
    ...(upcast ? { upcast } : {}),
    handle: (tx, message) => invoke(message.payload, { tx, message }),
  }));
}
