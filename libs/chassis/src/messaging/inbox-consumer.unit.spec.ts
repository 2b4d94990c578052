import { defineMessage, type PayloadOf } from '@blog/contracts';
import { z } from 'zod';
import {
  InboxConsumer,
  type InboxContext,
  inboxDeclarationOf,
  isInboxConsumer,
  OnEnvelopes,
  OnMessage,
} from './inbox-consumer';
import { consumerDefinitionOf } from './inbox-transport';

const Opened = defineMessage({
  aggregateType: 'account',
  type: 'Opened',
  schemaVersion: 1,
  schema: z.object({ accountId: z.string() }),
  publisher: 'spec',
  key: 'accountId',
  example: { accountId: 'a-1' },
});
const Closed = defineMessage({
  aggregateType: 'account',
  type: 'Closed',
  schemaVersion: 1,
  schema: z.object({ accountId: z.string(), reason: z.string() }),
  publisher: 'spec',
  key: 'accountId',
  example: { accountId: 'a-1', reason: 'done' },
});
const Renamed = defineMessage({
  aggregateType: 'profile',
  type: 'Renamed',
  schema: z.object({ name: z.string() }),
  schemaVersion: 1,
  publisher: 'spec',
  key: 'name',
  example: { name: 'ada' },
});
type OpenedPayload = PayloadOf<typeof Opened>;
type ClosedPayload = PayloadOf<typeof Closed>;
type RenamedPayload = PayloadOf<typeof Renamed>;

const seen: string[] = [];

@InboxConsumer('spec.accounts', { retry: { attempts: 3, initialBackoffMs: 1, maxBackoffMs: 2 } })
class AccountsConsumer {
  @OnMessage(Opened)
  async opened(payload: OpenedPayload, _context: InboxContext<OpenedPayload>) {
    seen.push(`opened ${payload.accountId}`);
  }

  @OnMessage(Closed)
  async closed(payload: ClosedPayload, _context: InboxContext<ClosedPayload>) {
    seen.push(`closed ${payload.accountId}: ${payload.reason}`);
  }

  @OnMessage(Renamed)
  async renamed(payload: RenamedPayload, _context: InboxContext<RenamedPayload>) {
    seen.push(`renamed ${payload.name}`);
  }
}

describe('@InboxConsumer / @OnMessage', () => {
  it('declares a group whose topics are its contracts’ topics, once each', () => {
    const definition = consumerDefinitionOf(new AccountsConsumer());
    expect(definition).toMatchObject({
      name: 'spec.accounts',
      topics: ['outbox.event.account', 'outbox.event.profile'],
      retry: { attempts: 3 },
    });
    expect(definition.handlers.map((handler) => handler.type)).toEqual([
      'Opened',
      'Closed',
      'Renamed',
    ]);
    expect(inboxDeclarationOf(AccountsConsumer).methods.map((method) => method.key)).toEqual([
      'opened',
      'closed',
      'renamed',
    ]);
  });

  it('calls the method of the message’s type with its payload', async () => {
    const definition = consumerDefinitionOf(new AccountsConsumer());
    const closed = definition.handlers.find((handler) => handler.type === 'Closed');
    const payload = { accountId: 'a-1', reason: 'asked' };
    await closed?.handle({ query: async () => ({ rows: [], rowCount: 0 }) } as never, {
      envelope: {} as never,
      payload,
      topic: Closed.topic,
      key: 'a-1',
    });
    expect(seen).toEqual(['closed a-1: asked']);
  });

  it('refuses, at compile time, a method whose payload is not its contract’s', () => {
    class Mistyped {
      // @ts-expect-error Renamed's payload has no accountId: the decorator rejects the method.
      @OnMessage(Renamed)
      async renamed(payload: OpenedPayload, _context: InboxContext<OpenedPayload>) {
        seen.push(payload.accountId);
      }
    }
    expect(Mistyped).toBeDefined();
  });

  it('takes every contract of a method decorated more than once', () => {
    @InboxConsumer('spec.endings')
    class EndingsConsumer {
      @OnMessage(Opened)
      @OnMessage(Closed)
      async ended(payload: { accountId: string }, _context: InboxContext<{ accountId: string }>) {
        seen.push(`ended ${payload.accountId}`);
      }
    }
    const [method] = inboxDeclarationOf(EndingsConsumer).methods;
    expect(method?.messages.map((message) => message.type)).toEqual(['Opened', 'Closed']);
    expect(consumerDefinitionOf(new EndingsConsumer()).handlers).toHaveLength(2);

    class TooNarrow {
      // @ts-expect-error Opened's payload has no reason: the method must take both payloads.
      @OnMessage(Opened)
      @OnMessage(Closed)
      async ended(payload: ClosedPayload, _context: InboxContext<ClosedPayload>) {
        seen.push(payload.reason);
      }
    }
    expect(TooNarrow).toBeDefined();
  });

  it('is an error to ask for the declaration of a class that is no consumer', () => {
    class Plain {}
    expect(isInboxConsumer(Plain)).toBe(false);
    expect(isInboxConsumer(AccountsConsumer)).toBe(true);
    expect(() => inboxDeclarationOf(Plain)).toThrow(/not an @InboxConsumer/);
  });

  it('hands each handler its contract’s upcasters; an envelope reader gets none and reads every version', () => {
    const opened = consumerDefinitionOf(new AccountsConsumer()).handlers[0];
    expect(opened?.upcast).toBe(Opened.upcast);

    @InboxConsumer('spec.monitor')
    class MonitorConsumer {
      @OnEnvelopes([Opened, Closed])
      async seen(_payload: unknown, _context: InboxContext) {}
    }
    const [method] = inboxDeclarationOf(MonitorConsumer).methods;
    expect(method?.messages.map(({ type, envelopeOnly }) => [type, envelopeOnly])).toEqual([
      ['Opened', true],
      ['Closed', true],
    ]);
    expect(consumerDefinitionOf(new MonitorConsumer()).handlers[0]?.upcast).toBeUndefined();
  });
});
