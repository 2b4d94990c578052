import type { AsyncApiDocument, AsyncApiMessage, JsonSchema } from '@blog/contracts';

/**
 * The AsyncAPI document as one readable page, rendered on the server from the document itself
 * (no script, nothing fetched): every topic with its publisher and consumer groups, the
 * headers every message carries, and each message's key, payload fields and example.
 */
export function renderAsyncApiPage(document: AsyncApiDocument, base: string): string {
  const { info, channels, operations, components } = document;
  const headers = components.schemas['OutboxHeaders'] ?? {};
  const sections = Object.entries(channels).map(([id, channel]) => {
    const ops = Object.values(operations).filter((op) => op.channel.$ref === `#/channels/${id}`);
    const senders = ops.filter((op) => op.action === 'send').map((op) => op['x-service']);
    const readers = ops
      .filter((op) => op.action === 'receive')
      .map(
        (op) =>
          `<li><b>${text(op['x-service'])}</b> <code>${text(op['x-consumer-group'] ?? '')}</code>: ` +
          `${op.messages.map((ref) => link(lastSegment(ref.$ref))).join(', ')}. ${prose(op.description)}</li>`,
      );
    const messages = Object.keys(channel.messages).flatMap((type) => {
      const message = components.messages[type];
      return message ? [messageArticle(message)] : [];
    });
    return [
      `<section id="channel-${text(id)}">`,
      `<h2>${text(channel.address)}</h2>`,
      `<p>${prose(channel.description)}</p>`,
      `<p>Published by <b>${senders.map(text).join(', ')}</b>.</p>`,
      `<h3>Consumer groups</h3><ul>${readers.join('') || '<li>none</li>'}</ul>`,
      ...messages,
      '</section>',
    ].join('\n');
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(info.title)} ${text(info.version)}: AsyncAPI</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${text(info.title)}</h1>
<p class="meta">AsyncAPI ${text(document.asyncapi)} · version ${text(info.version)} ·
<a href="${base}/json">JSON</a> · <a href="${base}/yaml">YAML</a> · <a href="/docs">HTTP API (OpenAPI)</a></p>
${info.description
  .split('\n\n')
  .map((paragraph) => `<p>${prose(paragraph)}</p>`)
  .join('\n')}
<nav><ul>${Object.entries(channels)
    .map(
      ([id, channel]) =>
        `<li><a href="#channel-${text(id)}">${text(channel.address)}</a>: ${Object.keys(
          channel.messages,
        )
          .map(link)
          .join(', ')}</li>`,
    )
    .join('')}</ul></nav>
</header>
<main>
<section id="headers">
<h2>Headers of every message</h2>
<p>${prose(String(headers['description'] ?? ''))}</p>
${fieldTable(headers)}
</section>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

function messageArticle(message: AsyncApiMessage): string {
  const example = message.examples[0]?.payload;
  return [
    `<article id="message-${text(message.name)}">`,
    `<h3>${text(message.name)} <small>v${text(versionOf(message))}</small></h3>`,
    `<p>${prose(message.description)}</p>`,
    `<p>Key: the payload’s <code>${text(message['x-key-field'])}</code>, ${typeOf(message.bindings.kafka.key)}.</p>`,
    fieldTable(message.payload),
    example === undefined
      ? ''
      : `<details><summary>Example payload</summary><pre>${text(JSON.stringify(example, null, 2))}</pre></details>`,
    '</article>',
  ].join('\n');
}

/** The fields of an object schema: name, type, whether required, constraints, description. */
function fieldTable(schema: JsonSchema): string {
  const properties = (schema['properties'] ?? {}) as Readonly<Record<string, JsonSchema>>;
  const required = new Set((schema['required'] ?? []) as readonly string[]);
  const rows = Object.entries(properties).map(
    ([name, field]) =>
      `<tr><td><code>${text(name)}</code></td><td>${typeOf(field)}</td>` +
      `<td>${required.has(name) ? 'yes' : 'no'}</td><td>${constraintsOf(field)}</td>` +
      `<td>${prose(String(field['description'] ?? ''))}</td></tr>`,
  );
  return `<table><thead><tr><th>field</th><th>type</th><th>required</th><th>constraints</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function typeOf(schema: JsonSchema): string {
  const types = [schema['type']].flat().filter((type) => type !== undefined);
  const named = types.map((type) =>
    type === 'array' && schema['items']
      ? `array of ${typeOf(schema['items'] as JsonSchema)}`
      : String(type),
  );
  const format = schema['format'] === undefined ? '' : ` (${String(schema['format'])})`;
  return text(named.join(' or ') || 'any') + text(format);
}

const CONSTRAINTS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'];

function constraintsOf(schema: JsonSchema): string {
  const bounds = CONSTRAINTS.filter((keyword) => schema[keyword] !== undefined).map(
    (keyword) => `${keyword} ${String(schema[keyword])}`,
  );
  // A format already says what its pattern checks.
  const pattern =
    schema['pattern'] !== undefined && schema['format'] === undefined
      ? [`pattern <code>${text(String(schema['pattern']))}</code>`]
      : [];
  return [...bounds.map(text), ...pattern].join(', ');
}

const versionOf = (message: AsyncApiMessage) =>
  message.examples[0]?.headers['schemaVersion'] ?? message.title.replace(/^.* v/, '');

const lastSegment = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

const link = (type: string) => `<a href="#message-${text(type)}">${text(type)}</a>`;

/** Escaped text with `code` spans. */
const prose = (value: string) => text(value).replace(/`([^`]+)`/g, '<code>$1</code>');

const text = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#fafbfc}
header,main{max-width:1100px;margin:0 auto;padding:0 24px}
header{padding-top:16px}
h1{margin-bottom:0}h2{border-bottom:2px solid #d8dde6;padding-bottom:4px;margin-top:40px}
h3 small{color:#667;font-weight:normal}
.meta{color:#556}
article{background:#fff;border:1px solid #e1e5ec;border-radius:6px;padding:4px 16px 12px;margin:16px 0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;border-bottom:1px solid #e8ebf0;padding:4px 8px;vertical-align:top}
code,pre{font:13px ui-monospace,monospace;background:#f1f3f6;border-radius:3px}
code{padding:0 3px;word-break:break-all}pre{padding:8px;overflow:auto}
nav ul{columns:2}`;
