import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type OutboxColumn, type OutboxMessage, outboxRowOf } from '@blog/outbox';

/** A record as Debezium's outbox router publishes it. */
export interface RoutedRecord {
  readonly topic: string;
  readonly key: string;
  /** Header by name; a NULL column is a header whose value is null. */
  readonly headers: Readonly<Record<string, string | null>>;
  readonly value: string;
}

const TEMPLATE = resolve(__dirname, '../../../infra/connectors/outbox-connector.template.json');
const connector = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as Record<string, string>;
const setting = (name: string) => {
  const value = connector[`transforms.outbox.${name}`];
  if (value === undefined) throw new Error(`the connector template sets no ${name}`);
  return value;
};

/** `column:header:name` entries of the router's additional placement. */
const HEADERS = setting('table.fields.additional.placement')
  .split(',')
  .map((entry) => entry.split(':'))
  .filter(([, placement]) => placement === 'header')
  .map(([column, , header]) => [column as OutboxColumn, header ?? ''] as const);

/** How Debezium writes a column's value into a header (pgoutput types, string converter). */
const headerText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : String(value);

/**
 * A message's outbox row (the writer's own mapping) routed as the connector template says:
 * the topic from the routing column, the key from the key column, the id and every column the
 * template places in a header, the payload column as the value. What the producer's code
 * writes, seen as its consumers receive it, with no database or broker in between.
 */
export function routedRecordOf(message: OutboxMessage): RoutedRecord {
  const row = outboxRowOf(message);
  const column = (name: string) => row[setting(name) as OutboxColumn];
  return {
    topic: setting('route.topic.replacement').replace(
      '${routedByValue}',
      String(column('route.by.field')),
    ),
    key: String(column('table.field.event.key')),
    headers: Object.fromEntries([
      ['id', headerText(column('table.field.event.id'))],
      ...HEADERS.map(([from, header]) => [header, headerText(row[from])]),
    ]),
    value: String(column('table.field.event.payload')),
  };
}
