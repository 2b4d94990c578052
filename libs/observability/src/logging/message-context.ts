import { AsyncLocalStorage } from 'node:async_hooks';

/** Who the current work is for: the message being handled and the saga it belongs to. */
export interface MessageContext {
  readonly sagaId?: string | null;
  readonly correlationId?: string | null;
  readonly messageId?: string | null;
}

const storage = new AsyncLocalStorage<MessageContext>();

/**
 * Runs `fn` so that every log line written inside it, however deep the call chain, carries
 * the message's ids; AsyncLocalStorage spares handlers from threading them through by hand.
 * Nested calls keep the outer ids the inner context leaves undefined; `null` clears one (a
 * message outside any saga handled within a saga's work).
 */
export function withMessageContext<T>(context: MessageContext, fn: () => T): T {
  const outer = storage.getStore();
  return storage.run(outer ? { ...outer, ...definedOnly(context) } : context, fn);
}

export function currentMessageContext(): MessageContext | undefined {
  return storage.getStore();
}

/** Spread would let an explicit `undefined` erase the outer id. */
function definedOnly(context: MessageContext): MessageContext {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined));
}
