import type { Type } from '@nestjs/common';
import {
  type CustomTransportStrategy,
  type MessageHandler as NestMessageHandler,
  Server,
} from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { ConsumerDefinition, ConsumerHost } from './consumer-host';
import {
  INBOX_EXTRAS,
  type InboxContext,
  type InboxHandlerExtras,
  type InboxMessage,
  inboxDeclarationOf,
  inboxHandlers,
  inboxPattern,
} from './inbox-consumer';

export interface InboxTransportOptions {
  /** Topics a consumer reads instead of its contracts' (the saga monitor's are configured). */
  readonly topicsOf?: (consumer: string) => readonly string[] | undefined;
  /**
   * Start consuming without holding up the application: the gateway serves its edge while
   * Kafka is away, and its monitor catches up when Kafka is back.
   */
  readonly inBackground?: boolean;
}

const topicsOfMessages = (messages: readonly InboxMessage[]) => [
  ...new Set(messages.map((message) => message.topic)),
];

/**
 * `@nestjs/microservices` transport over the inbox: every `@InboxConsumer` of the app is
 * one consumer group of the ConsumerHost, each message handled by Nest's handler for its
 * pattern (pipes, interceptors, filters) inside the inbox transaction. Nest's own Kafka
 * transport commits offsets as it goes and knows no inbox, parking or dead letters, which
 * is why this one exists (docs/service-conventions.md).
 */
export class InboxTransport extends Server implements CustomTransportStrategy {
  /** Failures go back to the inbox's retries and dead letters, not to Nest's logger. */
  override readonly propagatesEventHandlerErrors = true;

  constructor(
    private readonly host: ConsumerHost,
    private readonly options: InboxTransportOptions = {},
  ) {
    super();
  }

  /** The groups the app declares, as the host will run them. */
  definitions(): ConsumerDefinition[] {
    const groups = new Map<string, { retry?: InboxHandlerExtras['retry']; handlers: Handler[] }>();
    for (const [pattern, handler] of this.getHandlers()) {
      const extras = handler.extras?.[INBOX_EXTRAS] as InboxHandlerExtras | undefined;
      const message = extras?.messages.find(
        ({ type }) => inboxPattern(extras.consumer, type) === pattern,
      );
      if (!extras || !message) continue;
      const group = groups.get(extras.consumer) ?? { retry: extras.retry, handlers: [] };
      group.handlers.push({ message, handler });
      groups.set(extras.consumer, group);
    }
    return [...groups].map(([name, { retry, handlers }]) => ({
      name,
      topics:
        this.options.topicsOf?.(name) ?? topicsOfMessages(handlers.map(({ message }) => message)),
      handlers: handlers.flatMap(({ message, handler }) =>
        inboxHandlers([message], (payload, context) => invoke(handler, payload, context)),
      ),
      ...(retry ? { retry } : {}),
    }));
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    const definitions = this.definitions();
    if (this.options.inBackground) {
      this.host.startInBackground(definitions);
      callback();
      return;
    }
    try {
      await this.host.start(definitions);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  close(): Promise<void> {
    return this.host.stop();
  }

  on(): never {
    throw new Error('the inbox transport emits no events');
  }

  unwrap<T>(): T {
    return this.host as T;
  }
}

interface Handler {
  readonly message: InboxMessage;
  readonly handler: NestMessageHandler;
}

async function invoke(
  handler: NestMessageHandler,
  payload: unknown,
  context: InboxContext,
): Promise<void> {
  const result: unknown = await handler(payload, context);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}

/**
 * A consumer's definition with its methods called directly, without Nest: for specs that
 * drive a MessageProcessor with a consumer built by hand.
 */
export function consumerDefinitionOf(consumer: object): ConsumerDefinition {
  const declaration = inboxDeclarationOf(consumer.constructor as Type<unknown>);
  const methods = consumer as Record<
    string,
    (payload: unknown, context: InboxContext) => Promise<void>
  >;
  return {
    name: declaration.name,
    topics: topicsOfMessages(declaration.methods.flatMap(({ messages }) => messages)),
    handlers: declaration.methods.flatMap(({ key, messages }) =>
      inboxHandlers(messages, (payload, context) => methods[key]!.call(consumer, payload, context)),
    ),
    ...(declaration.retry ? { retry: declaration.retry } : {}),
  };
}
