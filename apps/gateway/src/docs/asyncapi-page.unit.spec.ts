import {
  buildAsyncApiDocument,
  defineMessage,
  type ConsumerGroupDeclaration,
} from '@blog/contracts';
import { z } from 'zod';
import { renderAsyncApiPage } from './asyncapi-page';

const Noted = defineMessage({
  aggregateType: 'note',
  publisher: 'notes',
  type: 'Noted',
  schemaVersion: 2,
  schema: z.object({
    noteId: z.uuid(),
    text: z.string().max(10).describe('What <b>was</b> noted'),
  }),
  key: 'noteId',
  example: { noteId: '5b1e1f4c-0000-4000-8000-000000000001', text: '<script>' },
});
const reader: ConsumerGroupDeclaration = {
  service: 'audit',
  group: 'audit.notes',
  messages: [{ type: 'Noted', topic: Noted.topic, envelopeOnly: false }],
};
const page = renderAsyncApiPage(
  buildAsyncApiDocument({ version: '9.9.9', contracts: [Noted], consumers: [reader] }),
  '/docs/asyncapi',
);

describe('the AsyncAPI page', () => {
  it('shows the topic, its publisher, its consumer groups and each message’s fields', () => {
    expect(page).toContain('<h2>outbox.event.note</h2>');
    expect(page).toContain('Published by <b>notes</b>');
    expect(page).toContain(
      '<b>audit</b> <code>audit.notes</code>: <a href="#message-Noted">Noted</a>',
    );
    expect(page).toContain('<h3>Noted <small>v2</small></h3>');
    expect(page).toContain(
      '<td><code>text</code></td><td>string</td><td>yes</td><td>maxLength 10</td>',
    );
    expect(page).toContain('Key: the payload’s <code>noteId</code>, string (uuid).');
  });

  it('escapes everything it shows: descriptions and examples are text', () => {
    expect(page).toContain('What &lt;b&gt;was&lt;/b&gt; noted');
    expect(page).toContain('&quot;&lt;script&gt;&quot;');
    expect(page).not.toMatch(/<script|<b>was/);
  });
});
