import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { OUTBOX_SERVICES } from '@blog/chassis';
import { buildAsyncApiDocument, MESSAGE_CONTRACTS } from '@blog/contracts';
import { prettyJson } from '@blog/testing/pretty-json';
import { declaredConsumerGroups } from './support/service-consumers';

// The AsyncAPI document of every outbox topic is generated from libs/contracts (channels,
// messages, payload schemas, publishers) and the apps' @InboxConsumer classes (consumers),
// and committed where the gateway serves it from. Regenerate after a change with
// `npx vitest run --project unit test/contracts -u`; CI fails while it is stale.

const ROOT = resolve(__dirname, '../..');
const COMMITTED = resolve(ROOT, 'apps/gateway/src/docs/asyncapi.json');
const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

const consumers = declaredConsumerGroups();
const document = buildAsyncApiDocument({ version, contracts: MESSAGE_CONTRACTS, consumers });

describe('the AsyncAPI document of the outbox topics', () => {
  it('is the committed one (apps/gateway/src/docs/asyncapi.json)', async () => {
    await expect(await prettyJson(document, COMMITTED)).toMatchFileSnapshot(COMMITTED);
  });

  it('is valid AsyncAPI 3.1 for @asyncapi/parser, with no error or warning', async () => {
    const diagnostics = await new Parser().validate(JSON.stringify(document));
    expect(
      diagnostics.map(({ code, message, path }) => `${code} ${path.join('/')}: ${message}`),
    ).toEqual([]);
  }, 30_000);

  it('has a channel per aggregate type, each published by an outbox-owning service', () => {
    const topics = [...new Set(MESSAGE_CONTRACTS.map((contract) => contract.topic))].sort();
    expect(
      Object.values(document.channels)
        .map((channel) => channel.address)
        .sort(),
    ).toEqual(topics);
    const senders = Object.values(document.operations).filter((op) => op.action === 'send');
    expect(
      senders.map((op) => op['x-service']).filter((s) => !OUTBOX_SERVICES.includes(s as never)),
    ).toEqual([]);
  });

  it('lists every message type and every consumer group the apps declare', () => {
    expect(Object.keys(document.components.messages).sort()).toEqual(
      MESSAGE_CONTRACTS.map((contract) => contract.type).sort(),
    );
    const receivers = new Set(
      Object.values(document.operations).map((op) => op['x-consumer-group']),
    );
    expect(consumers.map((c) => c.group).filter((group) => !receivers.has(group))).toEqual([]);
    // A real spot check of the declarations, so an empty scan cannot pass.
    expect(document.operations['post.blog-events.receive.blog']?.messages).toContainEqual({
      $ref: '#/channels/blog/messages/BlogCreated',
    });
    expect(document.operations['gateway.saga-monitor.receive.post']?.description).toMatch(
      /envelope alone/,
    );
  });
});
